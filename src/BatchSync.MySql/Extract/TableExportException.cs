namespace BatchSync.MySql.Extract;

/// <summary>An export that failed, with the table and the phase it failed in; the cause is the inner exception.</summary>
public sealed class TableExportException : Exception
{
    public TableExportException(string table, string phase, Exception innerException)
        : base($"Exporting {table} failed while {phase}: {innerException?.Message}", innerException)
    {
        Table = table;
        Phase = phase;
    }

    public TableExportException()
    {
        Table = Phase = "";
    }

    public TableExportException(string message)
        : base(message)
    {
        Table = Phase = "";
    }

    public TableExportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = Phase = "";
    }

    public string Table { get; }

    public string Phase { get; }
}
