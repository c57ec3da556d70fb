using Amazon.S3;
using BatchSync.Aws.Batch;
using BatchSync.Aws.Federation;
using BatchSync.Aws.Json;
using BatchSync.Aws.SecretsManager;
using BatchSync.Aws.Signing;
using BatchSync.Aws.Staging;

namespace BatchSync.Composition.Aws;

/// <summary>
/// The AWS clients of this process, built on first use from the environment: the default credential chain (the job
/// role on Fargate), AWS_REGION, and the standard endpoint overrides (AWS_ENDPOINT_URL_S3, _SECRETS_MANAGER, _BATCH, AWS_ENDPOINT_URL).
/// </summary>
internal static class AwsClients
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly Lazy<IAwsCredentialSource> Credentials = new(() => new DefaultChainCredentialSource());
    private static readonly Lazy<IAmazonS3> S3Client = new(CreateS3);
    private static readonly Lazy<CallerIdentitySubjectToken> CallerIdentity =
        new(() => new CallerIdentitySubjectToken(Credentials.Value, CallerIdentitySubjectToken.RegionFromEnvironment(), TimeProvider.System));

    public static IAmazonS3 S3() => S3Client.Value;

    /// <summary>Google workload identity federation's AWS subject token, signed with this process's credential chain.</summary>
    public static Task<string> CallerIdentityTokenAsync(string verificationUrl, string audience, CancellationToken cancellationToken)
        => CallerIdentity.Value.CreateAsync(verificationUrl, audience, cancellationToken);

    public static SecretsManagerClient SecretsManager()
        => new(Json(SecretsManagerClient.ServiceId, SecretsManagerClient.SigningName, AwsJsonProtocol.Json11, SecretsManagerClient.TargetPrefix));

    public static BatchClient Batch()
        => new(Json(BatchClient.ServiceId, BatchClient.SigningName, AwsJsonProtocol.RestJson, targetPrefix: null));

    private static AwsJsonClient Json(string serviceId, string signingName, AwsJsonProtocol protocol, string? targetPrefix)
        => new(Http, AwsEndpoint.Resolve(serviceId, signingName), protocol, targetPrefix, Credentials.Value);

    private static IAmazonS3 CreateS3()
    {
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        return S3ClientFactory.Create(endpoint is null ? null : new Uri(endpoint), region);
    }
}
