using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace BatchSync.Aws.Staging;

/// <summary>Builds S3 clients: the default credential chain and region in AWS, or an explicit endpoint for S3-compatible servers.</summary>
public static class S3ClientFactory
{
    /// <param name="serviceUrl">An S3-compatible endpoint (path-style addressing), or null for AWS.</param>
    /// <param name="region">The bucket's region, or null for the environment's (AWS_REGION on Batch).</param>
    /// <param name="credentials">Explicit credentials, or null for the default chain (the container's role on Fargate).</param>
    public static IAmazonS3 Create(Uri? serviceUrl = null, string? region = null, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config
        {
            // Checksums only where S3 requires them: trailing checksums need aws-chunked bodies, which S3-compatible
            // servers often store verbatim instead of decoding.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
