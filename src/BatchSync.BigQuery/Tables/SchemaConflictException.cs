namespace BatchSync.BigQuery.Tables;

/// <summary>The destination's schema cannot take the new data without a silent conversion.</summary>
public sealed class SchemaConflictException : Exception
{
    public SchemaConflictException(TableId table, IReadOnlyList<string> conflicts)
        : base($"The schema of {table} does not match the source: {string.Join("; ", conflicts)}. BatchSync never converts existing columns; change the column mapping in the workflow or migrate the destination table (or use mode replace after dropping it).")
    {
        Table = table;
        Conflicts = conflicts;
    }

    public SchemaConflictException()
        : this("The destination schema does not match the source.")
    {
    }

    public SchemaConflictException(string message)
        : base(message)
    {
        Conflicts = [];
    }

    public SchemaConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Conflicts = [];
    }

    public TableId? Table { get; }

    public IReadOnlyList<string> Conflicts { get; }
}
