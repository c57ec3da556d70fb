namespace BatchSync.Core.Runs;

/// <summary>Where in the data path a failure happened, so a report or a message can say "load failed", not just "failed".</summary>
public enum RunStep
{
    /// <summary>Planning: the table could not be described on the source (missing table or column, bad SQL).</summary>
    Plan,

    /// <summary>Reading rows from the source and staging them.</summary>
    Extract,

    /// <summary>Loading staged parts into the destination's per-run staging table.</summary>
    Load,

    /// <summary>Landing the table in the destination and reconciling counts.</summary>
    Land,

    /// <summary>A lane (an array child) that ended without finishing its items.</summary>
    Lane,
}
