using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Auth;

namespace BatchSync.BigQuery.Tests;

public sealed class AuthTests
{
    [Fact]
    public void A_service_account_key_is_accepted_and_never_shown()
    {
        using var rsa = RSA.Create(2048);
        var key = rsa.ExportPkcs8PrivateKeyPem();
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "p",
            ["private_key_id"] = "k1",
            ["private_key"] = key,
            ["client_email"] = "loader@p.iam.gserviceaccount.com",
            ["client_id"] = "1",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        }.ToJsonString();

        var source = GoogleCredentialTokenSource.FromServiceAccountKeyJson(json);

        Assert.Equal("service account key", source.ToString());
    }

    [Fact]
    public void An_external_account_configuration_for_AWS_is_accepted()
    {
        var json = new JsonObject
        {
            ["type"] = "external_account",
            ["audience"] = "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/batch",
            ["subject_token_type"] = "urn:ietf:params:aws:token-type:aws4_request",
            ["service_account_impersonation_url"] = "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/loader@p.iam.gserviceaccount.com:generateAccessToken",
            ["token_url"] = "https://sts.googleapis.com/v1/token",
            ["credential_source"] = new JsonObject
            {
                ["environment_id"] = "aws1",
                ["region_url"] = "http://169.254.169.254/latest/meta-data/placement/availability-zone",
                ["url"] = "http://169.254.169.254/latest/meta-data/iam/security-credentials",
                ["regional_cred_verification_url"] = "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15",
            },
        }.ToJsonString();

        var source = GoogleCredentialTokenSource.FromExternalAccountJson(json);

        Assert.Equal("external account", source.ToString());
    }

    [Theory]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"SECRET-MATERIAL\"")]
    [InlineData("{\"type\":\"authorized_user\",\"client_secret\":\"SECRET-MATERIAL\"}")]
    public void A_broken_key_fails_without_echoing_it(string json)
    {
        var error = Assert.Throws<ArgumentException>(() => GoogleCredentialTokenSource.FromServiceAccountKeyJson(json));

        Assert.DoesNotContain("SECRET-MATERIAL", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("service-account key", error.Message, StringComparison.Ordinal);
    }
}
