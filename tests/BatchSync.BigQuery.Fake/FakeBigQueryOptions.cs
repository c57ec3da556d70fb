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

    /// <summary>Partitions one load or query job may modify (BigQuery: 4,000); a job over it fails without changing anything.</summary>
    public int PartitionsPerJob { get; set; } = 4000;

    /// <summary>
    /// New load jobs stay RUNNING (to jobs.get) until the test releases them, so it can count how many run into one
    /// table at once without depending on timing.
    /// </summary>
    public bool HoldLoadJobs { get; set; }
}
