using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.MySql;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Extract;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// Extracts a lane's items into the staging store with the columns and statement the plan recorded (no discovery per
/// item), on one connection opened at the first item and reset between items (<see cref="MySqlConnection.ResetAsync"/>:
/// session state an item's select or where left behind does not leak into the next). A connection an item broke,
/// or one whose reset fails, is replaced. The source zone converter is built once per zone for the lane.
/// </summary>
internal sealed class MySqlLaneExtractor(MySqlConnectionOptions options, IStagingStore store) : ILaneExtractor
{
    private readonly Dictionary<string, SourceZoneConverter> _zones = new(StringComparer.Ordinal);
    private MySqlConnection? _connection;
    private bool _needsReset;

    public async Task<ExtractedItem> ExtractAsync(ItemExtraction extraction, IProgress<ExtractionProgress> progress, CancellationToken cancellationToken)
    {
        var export = ToPlannedExport(extraction);
        // An earlier attempt of this item may have been killed mid-part: its temporary file or unfinished multipart
        // upload would otherwise stay beside the new parts forever. A first attempt has no earlier one (its status is
        // recorded before any part is written), and skipping the look saves a ListMultipartUploads per item on S3.
        if (extraction.Attempt > 1)
        {
            await store.WithdrawUnfinishedAsync(extraction.PartPrefix, cancellationToken);
        }
        var result = await MySqlTransientErrors.RetryableAsync(async () =>
        {
            var connection = await ReadyConnectionAsync(export.Table, cancellationToken);
            _needsReset = true;
            return await TableExporter.ExportAsync(connection, export, store, new ProgressRelay(progress), cancellationToken);
        });

        var parts = result.Parts
            .Select(part => new StagedPart(RelativeName(part.Name, extraction.PartPrefix), part.Rows, part.UncompressedBytes, part.CompressedBytes, part.Sha256))
            .ToList();
        return new ExtractedItem(result.Rows, parts);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private PlannedExport ToPlannedExport(ItemExtraction extraction)
    {
        var table = extraction.Table;
        var settings = table.Extraction;
        var columns = table.Columns ?? throw new InvalidOperationException(
            $"The manifest of run {extraction.Manifest.RunId} has no column plan for {table.SourceName}: it was planned by an older BatchSync. Start a new run.");
        return new PlannedExport
        {
            Table = table.SourceName,
            SelectSql = MySqlTableQueries.SelectForItem(table, extraction.Item),
            Columns = [.. columns.Select(c => new CsvColumn(c.Name, Enum.Parse<ValueEncoding>(c.Encoding, ignoreCase: true)))],
            ZeroDates = settings.ZeroDates == Core.Workflows.Model.ZeroDatePolicy.Fail ? ZeroDatePolicy.Fail : ZeroDatePolicy.Null,
            SourceZone = settings.SourceTimezone is { } zone ? ZoneConverter(zone) : null,
            Parts = new PartWriterOptions { NamePrefix = extraction.PartPrefix, PartSizeBytes = settings.PartSizeMb * 1024L * 1024 },
        };
    }

    private SourceZoneConverter ZoneConverter(string zone)
    {
        if (!_zones.TryGetValue(zone, out var converter))
        {
            converter = new SourceZoneConverter(TimeZoneInfo.FindSystemTimeZoneById(zone));
            _zones[zone] = converter;
        }

        return converter;
    }

    private async Task<MySqlConnection> ReadyConnectionAsync(string table, CancellationToken cancellationToken)
    {
        if (_connection is { IsUsable: true } open)
        {
            if (!_needsReset)
            {
                return open;
            }

            try
            {
                await open.ResetAsync(cancellationToken);
                _needsReset = false;
                return open;
            }
            catch (MySqlException)
            {
                // A server without COM_RESET_CONNECTION, or a session that broke: a fresh connection is as good.
            }
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        try
        {
            _connection = await MySqlConnection.OpenAsync(options, cancellationToken);
        }
        catch (MySqlException exception)
        {
            throw new TableExportException(table, "connecting to the source", exception);
        }

        _needsReset = false;
        return _connection;
    }

    private static string RelativeName(string name, string prefix)
        => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;

    private sealed class ProgressRelay(IProgress<ExtractionProgress> target) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => target.Report(new ExtractionProgress(value.Rows, value.Bytes));
    }
}
