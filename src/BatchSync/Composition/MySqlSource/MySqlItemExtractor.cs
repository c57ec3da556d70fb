using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.MySql;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Extract;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// Extracts an item with the MySQL table exporter into the staging store, under the item's prefix, and checks the
/// columns still are the ones planned: a table altered between plan and lane fails its item instead of landing a
/// schema nobody planned.
/// </summary>
internal sealed class MySqlItemExtractor(MySqlConnectionOptions connection, IStagingStore store) : IItemExtractor
{
    public async Task<ExtractedItem> ExtractAsync(ItemExtraction extraction, IProgress<ExtractionProgress> progress, CancellationToken cancellationToken)
    {
        var table = extraction.Table;
        var settings = table.Extraction;
        var options = new TableExportOptions
        {
            Connection = connection,
            Query = MySqlTableQueries.ForItem(table, extraction.Item),
            ZeroDates = settings.ZeroDates == Core.Workflows.Model.ZeroDatePolicy.Fail ? ZeroDatePolicy.Fail : ZeroDatePolicy.Null,
            SourceTimeZone = settings.SourceTimezone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null,
            Parts = new PartWriterOptions { NamePrefix = extraction.PartPrefix, PartSizeBytes = settings.PartSizeMb * 1024L * 1024 },
        };

        // An earlier attempt of this item may have been killed mid-part: its temporary file or unfinished multipart
        // upload would otherwise stay beside the new parts forever.
        await store.WithdrawUnfinishedAsync(extraction.PartPrefix, cancellationToken);
        var result = await MySqlTransientErrors.RetryableAsync(() => TableExporter.ExportAsync(options, store, new ProgressRelay(progress), cancellationToken));
        if (result.Plan.Schema.ToJson() != table.Schema.ToJson())
        {
            throw new SourceTableException(
                $"The columns of {table.SourceName} changed since the run was planned (planned: {Describe(table.Schema)}; now: {Describe(result.Plan.Schema)}). Start a new run to plan again.");
        }

        var parts = result.Parts
            .Select(part => new StagedPart(RelativeName(part.Name, extraction.PartPrefix), part.Rows, part.UncompressedBytes, part.CompressedBytes, part.Sha256))
            .ToList();
        return new ExtractedItem(result.Rows, parts);
    }

    private static string RelativeName(string name, string prefix)
        => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;

    private static string Describe(Core.Schema.BigQueryTableSchema schema)
        => string.Join(", ", schema.Fields.Select(f => $"{f.Name} {Core.Schema.BigQueryTypeNames.ToApiName(f.Type)}"));

    private sealed class ProgressRelay(IProgress<ExtractionProgress> target) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => target.Report(new ExtractionProgress(value.Rows, value.Bytes));
    }
}
