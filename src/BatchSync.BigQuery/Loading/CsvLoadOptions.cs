namespace BatchSync.BigQuery.Loading;

/// <summary>The load options a caller may choose; the CSV dialect itself is fixed to what BatchSync writes.</summary>
public sealed record CsvLoadOptions
{
    /// <summary>Keep ASCII control characters (0x00–0x1F) instead of letting BigQuery reject the row.</summary>
    public bool PreserveAsciiControlCharacters { get; init; }
}
