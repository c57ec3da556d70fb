using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Finishing;

/// <summary>The destination exists with a partitioning/clustering other than the one asked for.</summary>
public sealed class DestinationLayoutException : Exception
{
    public DestinationLayoutException(TableId table, TableDefinition existing, TableDefinition wanted)
        : base($"Table {table} is {existing.DescribeLayout()}, but the workflow asks for {wanted.DescribeLayout()}. BigQuery cannot change this on an existing table: align the workflow with the table, or drop the table so the next run creates it.")
    {
    }

    public DestinationLayoutException()
    {
    }

    public DestinationLayoutException(string message)
        : base(message)
    {
    }

    public DestinationLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
