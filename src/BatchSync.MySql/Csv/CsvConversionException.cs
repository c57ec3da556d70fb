namespace BatchSync.MySql.Csv;

/// <summary>A source value that cannot be written as the column's BigQuery type. Names table, column and row.</summary>
public sealed class CsvConversionException : Exception
{
    public CsvConversionException(string table, string column, long row, string problem)
        : base($"Table {table}, column '{column}', row {row}: {problem}")
    {
        Table = table;
        Column = column;
        Row = row;
    }

    public CsvConversionException()
    {
        Table = Column = "";
    }

    public CsvConversionException(string message)
        : base(message)
    {
        Table = Column = "";
    }

    public CsvConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = Column = "";
    }

    public string Table { get; }

    public string Column { get; }

    /// <summary>1-based position of the row in the export's result.</summary>
    public long Row { get; }
}
