namespace BatchSync.MySql.Schema;

/// <summary>A column that cannot be exported as asked (unsupported type, bad name, impossible override). Names table and column.</summary>
public sealed class SchemaMappingException : Exception
{
    public SchemaMappingException(string table, string column, string problem)
        : base($"Table {table}, column '{column}': {problem}")
    {
        Table = table;
        Column = column;
    }

    public SchemaMappingException()
    {
        Table = Column = "";
    }

    public SchemaMappingException(string message)
        : base(message)
    {
        Table = Column = "";
    }

    public SchemaMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = Column = "";
    }

    public string Table { get; }

    public string Column { get; }
}
