using BatchSync.BigQuery.Auth;

namespace BatchSync.BigQuery.Tests;

public sealed class GoogleCredentialJsonTests
{
    private static readonly AwsSubjectTokenFactory NoAws = (_, _, _) => throw new InvalidOperationException("No AWS subject token is expected here.");

    [Fact]
    public void A_document_that_is_not_json_is_refused_without_quoting_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => GoogleCredentialJson.CreateTokenSource("-----BEGIN PRIVATE KEY----- s3cr3t", NoAws));

        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not a JSON document", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_credential_type_names_the_types_that_work()
    {
        var exception = Assert.Throws<ArgumentException>(() => GoogleCredentialJson.CreateTokenSource("""{"type": "authorized_user", "refresh_token": "s3cr3t"}""", NoAws));

        Assert.Contains("authorized_user", exception.Message, StringComparison.Ordinal);
        Assert.Contains(GoogleCredentialJson.ServiceAccountType, exception.Message, StringComparison.Ordinal);
        Assert.Contains(GoogleCredentialJson.ExternalAccountType, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_account_key_that_is_incomplete_is_refused_without_quoting_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => GoogleCredentialJson.CreateTokenSource("""{"type": "service_account", "private_key": "s3cr3t"}""", NoAws));

        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
    }
}
