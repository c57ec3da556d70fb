using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Rds;

/// <summary>Signs a fresh <see cref="RdsAuthToken"/> from the current credentials (the job role's on Fargate) each time it is asked.</summary>
public sealed class RdsAuthTokenSource(IAwsCredentialSource credentials, string host, int port, string user, string region, TimeProvider time)
{
    public async ValueTask<string> NextAsync(CancellationToken cancellationToken)
        => RdsAuthToken.Create(host, port, user, region, await credentials.GetCredentialsAsync(cancellationToken), time.GetUtcNow());
}
