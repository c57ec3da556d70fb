using Amazon.Runtime;

namespace BatchSync.Aws.Signing;

/// <summary>Fixed credentials (S3-compatible servers, tests).</summary>
public sealed class StaticCredentialSource(string accessKey, string secretKey, string? sessionToken = null) : IAwsCredentialSource
{
    private readonly ImmutableCredentials _credentials = new(accessKey, secretKey, sessionToken);

    public ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_credentials);
}
