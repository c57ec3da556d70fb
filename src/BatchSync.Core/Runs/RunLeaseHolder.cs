namespace BatchSync.Core.Runs;

/// <summary>Who holds a run's lease. <see cref="JobId"/> is the AWS Batch job id, the same for every attempt of one job.</summary>
public sealed record RunLeaseHolder(string Host, int ProcessId, string? JobId, DateTimeOffset AcquiredAt)
{
    public static RunLeaseHolder Current(DateTimeOffset now)
        => new(Environment.MachineName, Environment.ProcessId, Environment.GetEnvironmentVariable("AWS_BATCH_JOB_ID"), now);
}
