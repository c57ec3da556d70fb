namespace BatchSync.Aws.Fake;

/// <summary>The keys and region a fake accepts signatures from: one process signs every service with the same credentials.</summary>
public sealed record AwsCredentialsExpected(string AccessKey, string SecretKey, string Region);
