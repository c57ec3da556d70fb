namespace BatchSync.Aws.Json;

/// <summary>The two JSON wire protocols of the AWS APIs we call.</summary>
public enum AwsJsonProtocol
{
    /// <summary>POST / with the operation in X-Amz-Target (Secrets Manager, ECS).</summary>
    Json11,

    /// <summary>The operation in the path, e.g. POST /v1/submitjob (Batch).</summary>
    RestJson,
}
