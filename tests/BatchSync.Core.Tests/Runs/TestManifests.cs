using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Runs;

internal static class TestManifests
{
    public static ExtractionSettings Settings(int retries = 2) => new(ZeroDatePolicy.Null, DateTimeHandling.DateTime, null, retries, 256);

    public static TablePlanRequest Table(string name, long? chunkRows = null, string? incremental = null, string? where = null, LoadMode mode = LoadMode.Replace, IncrementalLookback? lookback = null)
        => new("shop", name, name, "raw", null, where, mode, mode == LoadMode.Merge ? ["id"] : [], null, [], incremental, lookback ?? IncrementalLookback.None, chunkRows, Settings(), new Dictionary<string, ColumnOverride>());

    public static RunPlanRequest Request(int parallelism, params TablePlanRequest[] tables)
        => new("shop_daily", null, RunId.Parse("r1"), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 21),
            "mem://staging", DestinationSummary.StageOnly, parallelism, null, tables);

    public static BigQueryTableSchema Schema() => new([new BigQueryField("id", BigQueryType.Int64), new BigQueryField("name", BigQueryType.String)]);

    /// <summary>A manifest with the given tables, each of the given number of items, items spread round-robin over lanes.</summary>
    public static RunManifest Manifest(int lanes, params (string Table, int Items)[] tables)
    {
        var n = 0;
        var manifestTables = tables.Select(t => new ManifestTable(
            "shop", t.Table, t.Table, "raw", null, $"SELECT `id`, `name` FROM `shop`.`{t.Table}`", null, Schema(), LoadMode.Replace, [], null, [], null, Settings(),
            Enumerable.Range(0, t.Items).Select(i =>
            {
                var lane = n++ % lanes;
                return new ManifestItem($"{i:D5}", lane, n, null, null, 100, 1000);
            }).ToList())).ToList();
        return new RunManifest("shop_daily", null, "r1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 21), "mem://staging", DestinationSummary.StageOnly, lanes, manifestTables);
    }
}
