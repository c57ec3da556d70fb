namespace BatchSync.Core.Schema;

/// <summary>The names BigQuery's REST API uses for <see cref="BigQueryType"/> in a table schema.</summary>
public static class BigQueryTypeNames
{
    public static string ToApiName(this BigQueryType type) => type switch
    {
        BigQueryType.String => "STRING",
        BigQueryType.Bytes => "BYTES",
        BigQueryType.Int64 => "INT64",
        BigQueryType.Float64 => "FLOAT64",
        BigQueryType.Numeric => "NUMERIC",
        BigQueryType.BigNumeric => "BIGNUMERIC",
        BigQueryType.Bool => "BOOL",
        BigQueryType.Timestamp => "TIMESTAMP",
        BigQueryType.Date => "DATE",
        BigQueryType.Time => "TIME",
        BigQueryType.DateTime => "DATETIME",
        BigQueryType.Json => "JSON",
        BigQueryType.Geography => "GEOGRAPHY",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses an API type name, accepting the legacy aliases the API may answer with (INTEGER, FLOAT, BOOLEAN).</summary>
    public static bool TryParse(string name, out BigQueryType type)
    {
        switch (name.ToUpperInvariant())
        {
            case "STRING": type = BigQueryType.String; return true;
            case "BYTES": type = BigQueryType.Bytes; return true;
            case "INT64" or "INTEGER": type = BigQueryType.Int64; return true;
            case "FLOAT64" or "FLOAT": type = BigQueryType.Float64; return true;
            case "NUMERIC": type = BigQueryType.Numeric; return true;
            case "BIGNUMERIC": type = BigQueryType.BigNumeric; return true;
            case "BOOL" or "BOOLEAN": type = BigQueryType.Bool; return true;
            case "TIMESTAMP": type = BigQueryType.Timestamp; return true;
            case "DATE": type = BigQueryType.Date; return true;
            case "TIME": type = BigQueryType.Time; return true;
            case "DATETIME": type = BigQueryType.DateTime; return true;
            case "JSON": type = BigQueryType.Json; return true;
            case "GEOGRAPHY": type = BigQueryType.Geography; return true;
            default: type = default; return false;
        }
    }
}
