using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace BatchSync.Aws.Signing;

/// <summary>
/// The AWS SDK's default credential chain: environment variables, profiles, web identity, and on Fargate the
/// container credentials endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI). The SDK caches and refreshes them.
/// </summary>
public sealed class DefaultChainCredentialSource : IAwsCredentialSource
{
    private readonly Lazy<AWSCredentials> _credentials = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials());

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _credentials.Value.GetCredentialsAsync();
        }
        catch (AmazonClientException exception)
        {
            throw new AwsServiceException(
                "NoCredentials",
                "No AWS credentials were found (environment, profile, or the container's task role). " +
                "Locally, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --secrets FILE instead of using Secrets Manager.",
                statusCode: null,
                exception);
        }
    }
}
