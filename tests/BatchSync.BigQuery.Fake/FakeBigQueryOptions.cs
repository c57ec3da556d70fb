namespace BatchSync.BigQuery.Fake;

/// <summary>Knobs of the fake that tests turn.</summary>
internal sealed class FakeBigQueryOptions
{
    /// <summary>How many jobs.get calls report a new job as RUNNING before it is DONE.</summary>
    public int PollsBeforeDone { get; set; }
}
