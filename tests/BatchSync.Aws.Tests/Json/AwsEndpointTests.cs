using BatchSync.Aws.Json;

namespace BatchSync.Aws.Tests.Json;

public class AwsEndpointTests
{
    [Fact]
    public void The_public_regional_endpoint_is_the_default()
    {
        var endpoint = AwsEndpoint.Resolve("Secrets Manager", "secretsmanager", Env(("AWS_REGION", "ap-northeast-1")));

        Assert.Equal(new Uri("https://secretsmanager.ap-northeast-1.amazonaws.com"), endpoint.Url);
        Assert.Equal("ap-northeast-1", endpoint.Region);
    }

    [Fact]
    public void A_service_specific_override_wins_over_the_global_one()
    {
        var endpoint = AwsEndpoint.Resolve("Secrets Manager", "secretsmanager", Env(
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:2")));

        Assert.Equal(new Uri("http://127.0.0.1:2"), endpoint.Url);
        Assert.Equal("us-west-2", endpoint.Region);
    }

    [Fact]
    public void A_missing_region_says_which_variable_to_set()
        => Assert.Contains("AWS_REGION", Assert.Throws<AwsServiceException>(() => AwsEndpoint.Resolve("Batch", "batch", Env())).Message);

    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
        => name => variables.FirstOrDefault(v => v.Name == name).Value;
}
