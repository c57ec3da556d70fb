using System.Net.Http.Headers;
using Amazon.Runtime;
using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Tests.Signing;

public class SigV4SignerTests
{
    // The worked example "GET Object" from the Amazon S3 API reference (Authenticating Requests: AWS Signature Version 4).
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void Matches_the_published_example_signature()
    {
        var canonical = new CanonicalRequest(
            "GET",
            "/test.txt",
            "",
            new Dictionary<string, string>
            {
                ["host"] = "examplebucket.s3.amazonaws.com",
                ["range"] = "bytes=0-9",
                ["x-amz-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ["x-amz-date"] = "20130524T000000Z",
            },
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        Assert.Equal("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972", canonical.Hash());
        Assert.Equal(
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
            new SigV4Signer("us-east-1", "s3").Signature(canonical, ExampleSecret, "20130524T000000Z"));
    }

    [Fact]
    public void Signs_host_date_content_type_and_target_and_adds_the_session_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://secretsmanager.ap-northeast-1.amazonaws.com/")
        {
            Content = new ByteArrayContent("{}"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "secretsmanager.GetSecretValue");

        new SigV4Signer("ap-northeast-1", "secretsmanager").Sign(request, "{}"u8, new ImmutableCredentials("AKID", "secret", "session-token"), new DateTimeOffset(2026, 11, 21, 1, 2, 3, TimeSpan.Zero));

        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/20261121/ap-northeast-1/secretsmanager/aws4_request, ", authorization);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", authorization);
        Assert.Equal("20261121T010203Z", request.Headers.GetValues("x-amz-date").Single());
        Assert.Equal("session-token", request.Headers.GetValues("x-amz-security-token").Single());
        Assert.DoesNotContain("secret", authorization.Replace("secretsmanager", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
