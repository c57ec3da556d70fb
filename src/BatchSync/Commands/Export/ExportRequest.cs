using BatchSync.Core.Schema;
using BatchSync.MySql;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Schema;

namespace BatchSync.Commands.Export;

/// <summary>The validated command line of <c>batchsync export</c>.</summary>
internal sealed record ExportRequest(
    MySqlSourceUri Source,
    string Database,
    string Table,
    string OutputFolder,
    string? Select,
    string? Where,
    MySqlTlsMode Tls,
    string? CaBundle,
    int PartSizeMegabytes,
    ZeroDatePolicy ZeroDates,
    DateTimeMapping DateTimes,
    TimeZoneInfo? SourceZone,
    IReadOnlyDictionary<string, BigQueryType> ColumnTypes)
{
    public bool AllowPublicKeyRetrieval { get; init; }

    public string? ServerPublicKey { get; init; }
}
