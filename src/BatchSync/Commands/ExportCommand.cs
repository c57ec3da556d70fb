using System.CommandLine;
using System.Globalization;
using System.Text;
using BatchSync.Commands.Export;
using BatchSync.Core.Stage;
using BatchSync.MySql;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Extract;
using BatchSync.MySql.Schema;

namespace BatchSync.Commands;

/// <summary><c>batchsync export</c>: one table from MySQL into gzip CSV parts in a local folder, with its BigQuery schema.</summary>
internal static class ExportCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    private const string Description = """
        Export one MySQL table to BigQuery-ready gzip CSV parts in a folder, with schema.json and export.json.
        The password comes from the MYSQL_PWD environment variable, never from the command line.

        Examples:
          MYSQL_PWD=secret batchsync export mysql://etl@db.internal:3306/shop users --out ./out/users
          batchsync export mysql://etl@db.internal/shop orders --out ./out/orders --where "created_at >= '2026-01-01'"
          batchsync export mysql://etl@db.internal/shop users --out ./out/u --select "id, name, is_active" --type is_active=BOOL
          batchsync export mysql://etl@db.internal/shop events --out ./out/e --datetime timestamp --source-timezone Asia/Tokyo
          batchsync export mysql://etl@rds.example.com/shop users --out ./out/u --tls verify-full --ca rds-global-bundle.pem
        """;

    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads environment variables (MYSQL_PWD); tests pass their own.</param>
    public static Command Create(Func<string, string?> environment)
    {
        var arguments = new ExportArguments();
        var command = new Command("export", Description);
        arguments.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(arguments, result, environment, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ExportArguments arguments, ParseResult result, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        ExportRequest request;
        try
        {
            request = arguments.ToRequest(result);
            EnsureNoEarlierParts(request.OutputFolder);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"{e.Message}\nRun 'batchsync export --help' for usage and examples.");
            return BadUsage;
        }

        try
        {
            var store = new LocalFolderStagingStore(request.OutputFolder);
            var progress = Console.IsErrorRedirected ? null : new ExportStatusLine(Console.Error);
            ExportResult export;
            try
            {
                export = await TableExporter.ExportAsync(ToOptions(request, environment("MYSQL_PWD"), error), store, progress, cancellationToken);
            }
            finally
            {
                progress?.Finish();
            }

            await store.WriteObjectAsync("schema.json", Encoding.UTF8.GetBytes(export.Plan.Schema.ToJson() + "\n"), cancellationToken);
            var zeroDates = request.ZeroDates == ZeroDatePolicy.Fail ? "fail" : "null";
            await store.WriteObjectAsync("export.json", Encoding.UTF8.GetBytes(ExportManifest.ToJson(export, request.Source, zeroDates) + "\n"), cancellationToken);
            await output.WriteLineAsync(Summarize(export, store.Location));
            return Success;
        }
        catch (Exception e) when (IsExpectedFailure(e))
        {
            await error.WriteLineAsync(result.GetValue(arguments.Verbose) ? e.ToString() : $"Export failed. {e.Message}");
            return Failure;
        }
    }

    private static TableExportOptions ToOptions(ExportRequest request, string? password, TextWriter error) => new()
    {
        Connection = new MySqlConnectionOptions
        {
            Host = request.Source.Host,
            Port = request.Source.Port,
            User = request.Source.User,
            Password = password,
            Database = request.Database,
            TlsMode = request.Tls,
            CaBundlePath = request.CaBundle,
            AllowPublicKeyRetrieval = request.AllowPublicKeyRetrieval,
            ServerRsaPublicKeyPath = request.ServerPublicKey,
            Warning = message => error.WriteLine("warning: " + message),
        },
        Query = new TableQuery
        {
            Database = request.Database,
            Table = request.Table,
            Select = request.Select,
            Where = request.Where,
            DateTimes = request.DateTimes,
            ColumnTypes = request.ColumnTypes,
        },
        ZeroDates = request.ZeroDates,
        SourceTimeZone = request.SourceZone,
        Parts = new PartWriterOptions { PartSizeBytes = request.PartSizeMegabytes * 1024L * 1024 },
    };

    /// <summary>Parts left by an earlier export would mix with this one's; ask for an empty folder instead of guessing.</summary>
    private static void EnsureNoEarlierParts(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "part-*.csv.gz").Any())
        {
            throw new UsageException($"The folder '{folder}' already holds part files from an earlier export. Choose an empty folder or remove them.");
        }
    }

    private static bool IsExpectedFailure(Exception e)
        => e is TableExportException or SchemaMappingException or CsvConversionException or MySqlException or IOException
            or UnauthorizedAccessException or ArgumentException or OperationCanceledException;

    private static string Summarize(ExportResult export, string folder)
    {
        const double Megabyte = 1024 * 1024;
        var seconds = Math.Max(export.Timings.Total.TotalSeconds, 0.001);
        var csvMegabytes = export.UncompressedBytes / Megabyte;
        return string.Create(CultureInfo.InvariantCulture,
            $"Exported {export.Rows:N0} rows of {export.Plan.Query.DisplayName} in {export.Parts.Count} part(s): {export.CompressedBytes / Megabyte:F1} MB gzip ({csvMegabytes:F1} MB CSV) in {seconds:F1} s, {csvMegabytes / seconds:F1} MB/s → {folder}");
    }
}
