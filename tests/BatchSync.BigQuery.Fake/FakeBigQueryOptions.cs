namespace BatchSync.BigQuery.Fake;

/// <summary>Knobs of the fake that tests turn.</summary>
internal sealed class FakeBigQueryOptions
{
    /// <summary>How many jobs.get calls report a new job as RUNNING before it is DONE.</summary>
    public int PollsBeforeDone { get; set; }

    /// <summary>
    /// Load jobs one table may take per day (BigQuery's quota: 1,500, failed jobs included). The next one finishes
    /// DONE with a quotaExceeded errorResult. Tests lower it to show what a plan with too many parts meets.
    /// </summary>
    public int LoadJobsPerTablePerDay { get; set; } = 1500;
}
