namespace BatchSync.MySql.Csv;

/// <summary>One output column of the CSV: its name (for messages) and how its values are written.</summary>
public readonly record struct CsvColumn(string Name, ValueEncoding Encoding);
