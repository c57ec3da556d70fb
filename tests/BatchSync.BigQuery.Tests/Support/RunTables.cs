using System.Globalization;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Tests.Support;

/// <summary>One-table run manifests and their staged parts, to drive <see cref="BigQueryDestination"/> as a run does.</summary>
internal static class RunTables
{
    public static readonly BigQueryTableSchema Schema = new([new BigQueryField("id", BigQueryType.Int64), new BigQueryField("name", BigQueryType.String)]);

    public static RunManifest Manifest(string workflow, string runId, string dataset, string table, LoadMode mode = LoadMode.Replace, IReadOnlyList<string>? key = null, int items = 1)
    {
        var planned = Enumerable.Range(0, items).Select(i => new ManifestItem(i.ToString("D5", CultureInfo.InvariantCulture), 0, i + 1, null, null, 2, 100)).ToList();
        var settings = new ExtractionSettings(ZeroDatePolicy.Null, DateTimeHandling.DateTime, null, 2, 256);
        var manifestTable = new ManifestTable("shop", table, table, dataset, null, $"SELECT `id`, `name` FROM `shop`.`{table}`", null, Schema, mode, key ?? [], null, [], null, settings, planned);
        var destination = new DestinationSummary(DestinationType.BigQuery, BigQueryTestEnvironment.Project, dataset, BigQueryTestEnvironment.Location);
        return new RunManifest(workflow, null, runId, DateTimeOffset.UnixEpoch, new DateOnly(2026, 12, 7), "local", destination, 1, [manifestTable]);
    }

    /// <summary>Stages <paramref name="csv"/> as the manifest's first (or <paramref name="item"/>th) item, one gzip part, where the lane would have put it.</summary>
    public static async Task<ExtractedItem> StageAsync(RunManifest manifest, string csv, int item = 0)
    {
        var table = manifest.Tables[0];
        var bytes = Gzip.Compress(csv);
        var name = "part-00000.csv.gz";
        await using var writer = await BigQueryTestEnvironment.Staging.OpenWriterAsync(manifest.Layout.ItemPrefix(table.OutTable, table.Items[item].Id) + name, CancellationToken.None);
        await writer.WriteAsync(bytes, CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return new ExtractedItem(rows, [new StagedPart(name, rows, bytes.Length, bytes.Length, "")]);
    }

    /// <summary>Prepares, loads the staged item and lands the table, as the run job and its lanes do.</summary>
    public static async Task<long> RunAsync(BigQueryDestination destination, RunManifest manifest, ExtractedItem extracted)
    {
        var table = manifest.Tables[0];
        await destination.PrepareAsync(manifest, CancellationToken.None);
        var loaded = await destination.LoadItemAsync(manifest, table, table.Items[0], extracted, CancellationToken.None);
        var status = new ItemStatus(table.OutTable, table.Items[0].Id, ItemState.Done, 1, extracted.Rows, extracted.Parts, LoadedRows: loaded);
        var landing = await destination.LandTableAsync(manifest, table, [status], CancellationToken.None);
        return landing.Rows;
    }
}
