namespace BatchSync.Core.Runs;

/// <summary>This run's row counts next to the previous successful run's, with the drops users most often miss flagged.</summary>
public sealed record RunComparison(string PreviousRunId, DateTimeOffset PreviousFinishedAt, IReadOnlyList<TableComparison> Tables)
{
    public IEnumerable<TableComparison> Flagged => Tables.Where(table => table.Change != RowChange.Normal);
}

/// <summary>One table's rows now and in the previous successful run (<c>PreviousRows</c> null: a new table).</summary>
public sealed record TableComparison(string OutTable, long? PreviousRows, long Rows, RowChange Change);

public enum RowChange
{
    Normal,

    /// <summary>Fewer than half the previous run's rows.</summary>
    Dropped,

    /// <summary>No rows where the previous run had some.</summary>
    Empty,
}
