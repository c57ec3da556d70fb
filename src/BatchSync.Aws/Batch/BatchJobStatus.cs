namespace BatchSync.Aws.Batch;

/// <summary>A job's state as AWS Batch reports it (SUBMITTED … RUNNING, then SUCCEEDED or FAILED).</summary>
public sealed record BatchJobStatus(string JobId, string Status, string? StatusReason, int? ArraySize, IReadOnlyDictionary<string, int> ChildStatusCounts)
{
    public bool IsFinished => Status is "SUCCEEDED" or "FAILED";

    public bool Succeeded => Status == "SUCCEEDED";
}
