using Amazon.Runtime;

namespace BatchSync.Aws.Signing;

/// <summary>Where request-signing credentials come from.</summary>
public interface IAwsCredentialSource
{
    ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
