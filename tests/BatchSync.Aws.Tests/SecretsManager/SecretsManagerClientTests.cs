using System.Net;
using System.Text.Json.Nodes;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Json;
using BatchSync.Aws.SecretsManager;
using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Tests.SecretsManager;

public sealed class SecretsManagerClientTests : IAsyncLifetime
{
    private const string RdsSecret = """{"username":"etl","password":"p@ss \"w0rd\"","host":"db.internal","port":3306,"dbname":"shop"}""";
    private readonly HttpClient _http = new();
    private AwsJsonFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await AwsJsonFake.StartAsync("secretsmanager");
        var secrets = new Dictionary<string, JsonObject>
        {
            ["prod/shop/mysql"] = new() { ["ARN"] = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prod/shop/mysql-AbCdEf", ["Name"] = "prod/shop/mysql", ["SecretString"] = RdsSecret },
            ["binary"] = new() { ["Name"] = "binary", ["SecretBinary"] = Convert.ToBase64String("raw-bytes"u8.ToArray()) },
        };
        _fake.Handle("GetSecretValue", body => secrets.TryGetValue(body["SecretId"]!.GetValue<string>(), out var secret)
            ? FakeAnswer.Ok(secret.DeepClone().AsObject())
            : FakeAnswer.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
    }

    [Fact]
    public async Task Reads_a_secret_string_through_a_signed_request()
    {
        var value = await Client().GetSecretStringAsync("prod/shop/mysql", default);

        Assert.Equal(RdsSecret, value);
        Assert.Equal("prod/shop/mysql", Assert.Single(_fake.Calls).Body["SecretId"]!.GetValue<string>());
        Assert.Empty(_fake.Rejections);
    }

    [Fact]
    public async Task Reads_a_binary_secret_as_text()
        => Assert.Equal("raw-bytes", await Client().GetSecretStringAsync("binary", default));

    [Fact]
    public async Task A_missing_secret_names_the_id_and_what_to_check()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().GetSecretStringAsync("prod/typo", default));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Contains("'prod/typo' was not found", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_until_the_secret_arrives()
    {
        _fake.FailNext(FakeAnswer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"), times: 2);
        _fake.FailNext(FakeAnswer.Error(HttpStatusCode.InternalServerError, "InternalServiceError", "oops"));

        Assert.Equal(RdsSecret, await Client().GetSecretStringAsync("prod/shop/mysql", default));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        _fake.FailNext(FakeAnswer.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down"), times: 10);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(retries: 2).GetSecretStringAsync("prod/shop/mysql", default));

        Assert.Equal("ServiceUnavailable", error.Code);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Access_denied_is_not_retried_and_explains_the_permission()
    {
        _fake.FailNext(FakeAnswer.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized"), times: 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().GetSecretStringAsync("prod/shop/mysql", default));

        Assert.Contains("secretsmanager:GetSecretValue", error.Message);
    }

    [Fact]
    public async Task The_fake_rejects_a_wrong_secret_key_like_AWS()
    {
        var client = Client(credentials: new StaticCredentialSource(AwsJsonFake.AccessKey, "not-the-key"), retries: 0);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetSecretStringAsync("prod/shop/mysql", default));

        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task The_fake_rejects_members_the_model_does_not_have()
    {
        var json = JsonClient(retries: 0);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => json.CallAsync("GetSecretValue", new JsonObject { ["SecretID"] = "x" }, default));

        Assert.Contains("unknown member 'SecretID'", error.Message);
        Assert.Contains("missing required member 'SecretId'", error.Message);
    }

    [Fact]
    public async Task A_secret_value_never_appears_in_an_error()
    {
        _fake.Handle("GetSecretValue", _ => FakeAnswer.Ok(new JsonObject { ["Name"] = "x" }));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().GetSecretStringAsync("prod/shop/mysql", default));

        Assert.Contains("has no value", error.Message);
        Assert.DoesNotContain("p@ss", error.ToString());
    }

    private SecretsManagerClient Client(IAwsCredentialSource? credentials = null, int retries = 3)
        => new(JsonClient(credentials, retries));

    private AwsJsonClient JsonClient(IAwsCredentialSource? credentials = null, int retries = 3)
        => new(
            _http,
            new AwsEndpoint(_fake.Url, AwsJsonFake.Region, SecretsManagerClient.SigningName),
            AwsJsonProtocol.Json11,
            SecretsManagerClient.TargetPrefix,
            credentials ?? new StaticCredentialSource(AwsJsonFake.AccessKey, AwsJsonFake.SecretKey),
            new AwsRetryOptions { MaxRetries = retries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }
}
