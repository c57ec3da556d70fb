using System.Text.Json;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Federation;
using BatchSync.Aws.Signing;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Fake.Federation;

namespace BatchSync.BigQuery.Tests.Auth;

/// <summary>
/// Workload identity federation with AWS as it runs on Fargate: the job role's credentials come from the container
/// credentials endpoint (through the AWS SDK's default chain), sign a GetCallerIdentity subject token, which the
/// Google STS fake verifies and exchanges, and the IAM credentials fake turns into a service account's token.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AwsFederationTests(ContainerRoleFixture role) : IClassFixture<ContainerRoleFixture>, IAsyncLifetime
{
    private const string Audience = "//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/batchsync/providers/aws";
    private const string ServiceAccount = "batchsync-loader@shop-project.iam.gserviceaccount.com";
    private const string Region = "ap-northeast-1";

    private readonly FakeContainerCredentials _container = role.Endpoint;
    private FakeGoogleFederation _google = null!;

    public async Task InitializeAsync() => _google = await FakeGoogleFederation.StartAsync(Audience, ServiceAccount, _container.Find);

    public async Task DisposeAsync() => await _google.DisposeAsync();

    [Fact]
    public async Task The_role_credentials_from_the_container_endpoint_are_exchanged_and_impersonated_once_then_cached()
    {
        var tokens = CreateTokenSource(new DefaultChainCredentialSource());

        var first = await tokens.GetAccessTokenAsync(CancellationToken.None);
        var second = await tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.Empty(_google.Rejections);
        Assert.True(_google.IsIssuedAccessToken(first), first);
        Assert.Equal(first, second);
        Assert.NotNull(_container.Find(Assert.Single(_google.ExchangedAccessKeys)));
        var impersonation = Assert.Single(_google.Impersonations);
        Assert.Equal([GoogleCredentialTokenSource.BigQueryScope], impersonation.Scopes);
        Assert.Equal(0, _container.Refused);
        Assert.Contains(ServiceAccount, tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_exchange_signs_with_the_role_credentials_current_at_that_moment()
    {
        // The endpoint hands out key sets that expire within the SDK's refresh margin, as the role's credentials
        // rotate hours into a run: each new subject token must be signed with the set the endpoint serves then.
        var firstTokens = CreateTokenSource(new DefaultChainCredentialSource());
        var secondTokens = CreateTokenSource(new DefaultChainCredentialSource());

        var first = await firstTokens.GetAccessTokenAsync(CancellationToken.None);
        var second = await secondTokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.Empty(_google.Rejections);
        Assert.True(_google.IsIssuedAccessToken(first));
        Assert.True(_google.IsIssuedAccessToken(second));
        Assert.Equal(2, _google.ExchangedAccessKeys.Count);
        Assert.Equal(2, _google.ExchangedAccessKeys.Distinct().Count());
        Assert.All(_google.ExchangedAccessKeys, key => Assert.NotNull(_container.Find(key)));
    }

    [Fact]
    public async Task Without_impersonation_the_federated_token_itself_is_used()
    {
        var tokens = CreateTokenSource(new DefaultChainCredentialSource(), impersonate: false);

        var token = await tokens.GetAccessTokenAsync(CancellationToken.None);

        Assert.StartsWith("federated-", token, StringComparison.Ordinal);
        Assert.Empty(_google.Impersonations);
    }

    [Fact]
    public async Task A_subject_token_signed_with_keys_aws_did_not_issue_is_refused_by_the_exchange()
    {
        var real = await new DefaultChainCredentialSource().GetCredentialsAsync(CancellationToken.None);
        var forged = new StaticCredentialSource(real.AccessKey, "not-the-secret", real.Token);
        var tokens = CreateTokenSource(forged);

        await Assert.ThrowsAnyAsync<Exception>(() => tokens.GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains(_google.Rejections, r => r.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(_google.ExchangedAccessKeys);
    }

    [Fact]
    public async Task A_subject_token_without_the_session_token_is_refused_by_the_exchange()
    {
        var real = await new DefaultChainCredentialSource().GetCredentialsAsync(CancellationToken.None);
        var tokens = CreateTokenSource(new StaticCredentialSource(real.AccessKey, real.SecretKey));

        await Assert.ThrowsAnyAsync<Exception>(() => tokens.GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains(_google.Rejections, r => r.Contains("security token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configuration_that_sends_the_token_to_another_host_is_refused()
    {
        var configuration = _google.CredentialConfiguration();
        configuration["token_url"] = "https://sts.example.com/v1/token";

        var error = Assert.Throws<ArgumentException>(() => Parse(configuration.ToJsonString()));

        Assert.Contains("token_url", error.Message, StringComparison.Ordinal);
        Assert.Contains("sts.googleapis.com", error.Message, StringComparison.Ordinal);
    }

    private IAccessTokenSource CreateTokenSource(IAwsCredentialSource credentials, bool impersonate = true)
    {
        var subjectTokens = new CallerIdentitySubjectToken(credentials, Region, TimeProvider.System);
        var configuration = Parse(_google.CredentialConfiguration(impersonate).ToJsonString());
        return new AwsFederatedTokenSource(configuration, subjectTokens.CreateAsync);
    }

    private static AwsExternalAccountConfiguration Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AwsExternalAccountConfiguration.Parse(document.RootElement);
    }
}
