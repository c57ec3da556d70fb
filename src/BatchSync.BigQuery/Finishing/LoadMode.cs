namespace BatchSync.BigQuery.Finishing;

/// <summary>How a staged table lands in its destination.</summary>
public enum LoadMode
{
    /// <summary>The destination becomes the new snapshot, atomically (copy job, WRITE_TRUNCATE).</summary>
    Replace,

    /// <summary>The new rows are added once (copy job, WRITE_APPEND, deterministic job id).</summary>
    Append,

    /// <summary>Upsert by key columns (MERGE query job).</summary>
    Merge,

    /// <summary>Replace one date shard (<c>orders_20261121</c>) or one partition (<c>orders$20261121</c>).</summary>
    DeleteInAdvance,
}
