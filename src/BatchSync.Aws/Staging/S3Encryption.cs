using Amazon.S3;

namespace BatchSync.Aws.Staging;

/// <summary>Server-side encryption for staged objects: SSE-KMS with the workflow's key, SSE-S3 otherwise.</summary>
public sealed record S3Encryption(string? KmsKeyId)
{
    public ServerSideEncryptionMethod Method => KmsKeyId is null ? ServerSideEncryptionMethod.AES256 : ServerSideEncryptionMethod.AWSKMS;
}
