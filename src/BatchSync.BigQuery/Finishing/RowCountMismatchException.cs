using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Finishing;

/// <summary>The rows BigQuery loaded differ from the rows read from the source; the table is not landed.</summary>
public sealed class RowCountMismatchException : Exception
{
    public RowCountMismatchException(TableId destination, long sourceRows, long loadedRows)
        : base($"Row counts do not reconcile for {destination}: the source returned {sourceRows} row(s) but BigQuery loaded {loadedRows} into staging. The destination was left unchanged; rerun the table.")
    {
        SourceRows = sourceRows;
        LoadedRows = loadedRows;
    }

    public RowCountMismatchException()
    {
    }

    public RowCountMismatchException(string message)
        : base(message)
    {
    }

    public RowCountMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long SourceRows { get; }

    public long LoadedRows { get; }
}
