namespace BatchSync.Core.Stage;

/// <summary>
/// The CSV our writer produces and the BigQuery load options that read it back exactly. The load configuration
/// must use these values; anything else changes what lands.
/// </summary>
public static class CsvDialect
{
    public const string FieldDelimiter = ",";
    public const string Quote = "\"";
    public const string Encoding = "UTF-8";

    /// <summary>Text values may contain line breaks; they are always quoted.</summary>
    public const bool AllowQuotedNewlines = true;

    /// <summary>
    /// Control characters (U+0000–U+001F) are written as they are, inside quotes. BigQuery's CSV loader rejects
    /// them unless <c>preserveAsciiControlCharacters</c> is set, so the load configuration sets it: source text
    /// lands byte for byte instead of failing the load or being altered.
    /// </summary>
    public const bool PreserveAsciiControlCharacters = true;

    /// <summary>The default null marker: an unquoted empty field is NULL, a quoted empty field (<c>""</c>) is an empty string.</summary>
    public const string? NullMarker = null;

    public const int SkipLeadingRows = 0;
}
