using System.CommandLine;
using BatchSync.Core.Schema;
using BatchSync.MySql;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Schema;

namespace BatchSync.Commands.Export;

/// <summary>The arguments and options of <c>batchsync export</c>, and their translation into an <see cref="ExportRequest"/>.</summary>
internal sealed class ExportArguments
{
    public Argument<string> Source { get; } = new("source") { Description = "The source: mysql://USER@HOST[:PORT]/DATABASE (the password comes from MYSQL_PWD)" };

    public Argument<string> Table { get; } = new("table") { Description = "The table to export (TABLE, or DATABASE.TABLE)" };

    public Option<string> Out { get; } = new("--out") { Description = "Folder for part-00000.csv.gz …, schema.json and export.json", Required = true };

    public Option<string?> Select { get; } = new("--select") { Description = "Columns or expressions to export (default: all columns)" };

    public Option<string?> Where { get; } = new("--where") { Description = "Filter rows with this SQL condition" };

    public Option<string> Tls { get; } = new Option<string>("--tls") { Description = "TLS mode", DefaultValueFactory = _ => "preferred" }
        .AcceptOnlyFromAmong("disabled", "preferred", "required", "verify-ca", "verify-full");

    public Option<string?> Ca { get; } = new("--ca") { Description = "CA bundle (PEM) for verify-ca / verify-full" };

    public Option<bool> AllowPublicKeyRetrieval { get; } = new("--allow-public-key-retrieval")
    {
        Description = "Without TLS, let sha2 password accounts fetch the server's RSA key (unsafe outside trusted networks)",
    };

    public Option<string?> ServerPublicKey { get; } = new("--server-public-key") { Description = "The server's RSA public key (PEM), pinned, for sha2 passwords without TLS" };

    public Option<int> PartSizeMegabytes { get; } = new("--part-size-mb") { Description = "Start a new part after about this many compressed MB", DefaultValueFactory = _ => 256 };

    public Option<string> ZeroDates { get; } = new Option<string>("--zero-dates") { Description = "Zero dates (0000-00-00) become NULL, or fail the export", DefaultValueFactory = _ => "null" }
        .AcceptOnlyFromAmong("null", "fail");

    public Option<string> DateTimes { get; } = new Option<string>("--datetime") { Description = "DATETIME columns land as DATETIME (unshifted) or as TIMESTAMP converted from --source-timezone", DefaultValueFactory = _ => "datetime" }
        .AcceptOnlyFromAmong("datetime", "timestamp");

    public Option<string?> SourceTimeZone { get; } = new("--source-timezone") { Description = "IANA zone the DATETIME values were written in, e.g. Asia/Tokyo" };

    public Option<string[]> ColumnTypes { get; } = new("--type") { Description = "Override a column's BigQuery type: NAME=TYPE (repeatable), e.g. is_active=BOOL", AllowMultipleArgumentsPerToken = false };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces of failures" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Source);
        command.Arguments.Add(Table);
        foreach (var option in new Option[] { Out, Select, Where, Tls, Ca, AllowPublicKeyRetrieval, ServerPublicKey, PartSizeMegabytes, ZeroDates, DateTimes, SourceTimeZone, ColumnTypes, Verbose })
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="UsageException">The arguments are inconsistent.</exception>
    public ExportRequest ToRequest(ParseResult result)
    {
        var source = MySqlSourceUri.TryParse(result.GetValue(Source)!, out var problem) ?? throw new UsageException(problem!);
        var (database, table) = SplitTable(result.GetValue(Table)!, source.Database);
        var partSize = result.GetValue(PartSizeMegabytes);
        if (partSize < 1)
        {
            throw new UsageException("--part-size-mb must be at least 1.");
        }

        var dateTimes = result.GetValue(DateTimes) == "timestamp" ? DateTimeMapping.Timestamp : DateTimeMapping.DateTime;
        var zone = ResolveZone(result.GetValue(SourceTimeZone));
        var columnTypes = ParseColumnTypes(result.GetValue(ColumnTypes) ?? []);
        if (zone is null && (dateTimes == DateTimeMapping.Timestamp || columnTypes.Values.Contains(BigQueryType.Timestamp)))
        {
            throw new UsageException("--datetime timestamp (or a TIMESTAMP override) converts DATETIME values to UTC and needs --source-timezone ZONE, e.g. --source-timezone Asia/Tokyo.");
        }

        return new ExportRequest(source, database, table, result.GetValue(Out)!, result.GetValue(Select), result.GetValue(Where),
            ParseTls(result.GetValue(Tls)!), result.GetValue(Ca), partSize,
            result.GetValue(ZeroDates) == "fail" ? ZeroDatePolicy.Fail : ZeroDatePolicy.Null, dateTimes, zone, columnTypes)
        {
            AllowPublicKeyRetrieval = result.GetValue(AllowPublicKeyRetrieval),
            ServerPublicKey = result.GetValue(ServerPublicKey),
        };
    }

    private static (string Database, string Table) SplitTable(string table, string? defaultDatabase)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && dot < table.Length - 1)
        {
            return (table[..dot], table[(dot + 1)..]);
        }

        return defaultDatabase is null
            ? throw new UsageException($"No database for table '{table}': put it in the URI (mysql://USER@HOST/DATABASE) or write DATABASE.TABLE.")
            : (defaultDatabase, table);
    }

    private static TimeZoneInfo? ResolveZone(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UsageException($"Unknown time zone '{name}'. Use an IANA zone name such as Asia/Tokyo or America/New_York.");
        }
    }

    private static Dictionary<string, BigQueryType> ParseColumnTypes(string[] pairs)
    {
        var types = new Dictionary<string, BigQueryType>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !BigQueryTypeNames.TryParse(pair[(equals + 1)..].Trim(), out var type))
            {
                throw new UsageException($"--type '{pair}' is not NAME=TYPE with a BigQuery type (STRING, INT64, BOOL, NUMERIC, TIMESTAMP …).");
            }

            types[pair[..equals].Trim()] = type;
        }

        return types;
    }

    private static MySqlTlsMode ParseTls(string mode) => mode switch
    {
        "disabled" => MySqlTlsMode.Disabled,
        "required" => MySqlTlsMode.Required,
        "verify-ca" => MySqlTlsMode.VerifyCa,
        "verify-full" => MySqlTlsMode.VerifyFull,
        _ => MySqlTlsMode.Preferred,
    };
}
