using BatchSync.Core.Stage;

namespace BatchSync.BigQuery.Loading;

/// <summary>The load options a caller may choose; the CSV dialect itself is fixed to what BatchSync writes.</summary>
public sealed record CsvLoadOptions
{
    /// <summary>
    /// Keep ASCII control characters (0x00–0x1F) instead of letting BigQuery reject the row. Defaults to what
    /// BatchSync's CSV writer needs (<see cref="CsvDialect.PreserveAsciiControlCharacters"/>): it writes them as they are.
    /// </summary>
    public bool PreserveAsciiControlCharacters { get; init; } = CsvDialect.PreserveAsciiControlCharacters;
}
