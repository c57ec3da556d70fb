using System.Globalization;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Plan;

/// <summary>
/// A plan for a person. By default a summary that reads the same at 5 tables or 500: totals, the tables that cannot
/// run, the biggest tables, and the lanes' balance. Verbose adds every table with its items and BigQuery schema, and
/// every lane's items.
/// </summary>
internal static class PlanTextWriter
{
    /// <summary>Tables listed by size in the summary.</summary>
    public const int BiggestTables = 10;

    public static async Task WriteAsync(RunManifest manifest, TextWriter output, bool verbose)
    {
        var items = manifest.Tables.SelectMany(t => t.Items).ToList();
        await output.WriteLineAsync(Text(
            $"plan for {manifest.Workflow}: {manifest.Tables.Count} tables, {items.Count} items on {manifest.Lanes} lanes, about {items.Sum(i => i.EstimatedRows):N0} rows / {Mb(items.Sum(i => i.EstimatedBytes))} (estimates)"));
        await output.WriteLineAsync($"destination: {(manifest.Destination.IsStageOnly ? "none (stage only: nothing will be loaded)" : $"{manifest.Destination}")}");
        await WriteShapeAsync(manifest, output);
        await WriteUnplannableAsync(manifest, output);
        if (verbose)
        {
            foreach (var table in manifest.Tables.Where(t => t.PlanError is null))
            {
                await WriteTableAsync(table, output);
            }
        }
        else
        {
            await WriteBiggestAsync(manifest, output);
        }

        await WriteLanesAsync(manifest, output, verbose);
    }

    private static async Task WriteShapeAsync(RunManifest manifest, TextWriter output)
    {
        var databases = manifest.Tables.Select(t => t.SourceDatabase).Distinct(StringComparer.Ordinal).ToList();
        var chunked = manifest.Tables.Where(t => t.Items.Count > 1).ToList();
        var incremental = manifest.Tables.Count(t => t.Incremental is not null);
        var modes = manifest.Tables.Where(t => t.PlanError is null).GroupBy(t => t.Mode).Select(g => $"{g.Key} {g.Count()}");
        await output.WriteLineAsync(Text(
            $"source: {databases.Count} database{(databases.Count == 1 ? "" : "s")} ({string.Join(", ", databases.Take(5))}{(databases.Count > 5 ? ", …" : "")}); modes: {string.Join(", ", modes)}; {chunked.Count} chunked table{(chunked.Count == 1 ? "" : "s")} ({chunked.Sum(t => t.Items.Count)} items); {incremental} incremental"));
    }

    private static async Task WriteUnplannableAsync(RunManifest manifest, TextWriter output)
    {
        var failed = manifest.Tables.Where(t => t.PlanError is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(Text($"CANNOT RUN ({failed.Count} table{(failed.Count == 1 ? "" : "s")}):"));
        foreach (var table in failed)
        {
            await output.WriteLineAsync($"  {table.SourceName} → {Target(table)}: {table.PlanError}");
        }
    }

    private static async Task WriteBiggestAsync(RunManifest manifest, TextWriter output)
    {
        var planned = manifest.Tables.Where(t => t.PlanError is null)
            .OrderByDescending(t => t.Items.Sum(i => i.EstimatedBytes))
            .ThenBy(t => t.OutTable, StringComparer.Ordinal)
            .ToList();
        if (planned.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(planned.Count > BiggestTables ? Text($"biggest {BiggestTables} of {planned.Count} tables:") : "tables:");
        var width = planned.Take(BiggestTables).Max(t => $"{t.SourceName} → {Target(t)}".Length);
        foreach (var table in planned.Take(BiggestTables))
        {
            await output.WriteLineAsync(Text(
                $"  {$"{table.SourceName} → {Target(table)}".PadRight(width)}  {table.Mode,-8} {table.Items.Count,5} item{(table.Items.Count == 1 ? " " : "s")} ~{table.Items.Sum(i => i.EstimatedRows),12:N0} rows {Mb(table.Items.Sum(i => i.EstimatedBytes)),12}"));
        }

        if (planned.Count > BiggestTables)
        {
            await output.WriteLineAsync(Text($"  … and {planned.Count - BiggestTables} more (--verbose lists every table with its items and schema; --format json prints the manifest)"));
        }
    }

    private static async Task WriteLanesAsync(RunManifest manifest, TextWriter output, bool verbose)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("lanes:");
        var loads = new List<long>(manifest.Lanes);
        var byLane = manifest.Tables.SelectMany(t => t.Items.Select(i => (Table: t, Item: i))).ToLookup(w => w.Item.Lane);
        for (var lane = 0; lane < manifest.Lanes; lane++)
        {
            var work = byLane[lane].OrderBy(w => w.Item.Order).ToList();
            var bytes = work.Sum(w => w.Item.EstimatedBytes);
            loads.Add(bytes);
            var list = verbose ? $": {string.Join(", ", work.Select(w => $"{w.Table.OutTable}/{w.Item.Id}"))}" : "";
            await output.WriteLineAsync(Text(
                $"  lane {lane}: {work.Count} item{(work.Count == 1 ? "" : "s")}, ~{work.Sum(w => w.Item.EstimatedRows):N0} rows, {Mb(bytes)}{list}"));
        }

        if (loads.Count > 1 && loads.Min() > 0)
        {
            await output.WriteLineAsync(Text($"  balance: the fullest lane has {(double)loads.Max() / loads.Min():0.00}× the estimated bytes of the emptiest"));
        }
    }

    private static async Task WriteTableAsync(ManifestTable table, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(Text(
            $"{table.SourceName} → {Target(table)}  mode {table.Mode}, {table.Items.Count} items, ~{table.Items.Sum(i => i.EstimatedRows):N0} rows, {Mb(table.Items.Sum(i => i.EstimatedBytes))}"));
        if (table.Incremental is { } incremental)
        {
            await output.WriteLineAsync($"  incremental on {incremental.Column}: after {incremental.LowerExclusive ?? "(the beginning)"} up to {incremental.UpperInclusive ?? "(no rows)"}");
        }

        foreach (var item in table.Items)
        {
            var chunk = item.Chunk is { } c ? $"  {c.Column} in [{c.LowerInclusive?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {c.UpperExclusive?.ToString(CultureInfo.InvariantCulture) ?? "+∞"})" : "";
            await output.WriteLineAsync(Text($"  item {item.Id}  lane {item.Lane}  ~{item.EstimatedRows:N0} rows{chunk}"));
        }

        await output.WriteLineAsync("  schema:");
        foreach (var field in table.Schema.Fields)
        {
            await output.WriteLineAsync($"    {field.Name,-30} {Core.Schema.BigQueryTypeNames.ToApiName(field.Type)}");
        }
    }

    private static string Target(ManifestTable table) => table.Dataset is null ? table.OutTable : $"{table.Dataset}.{table.OutTable}";

    private static string Mb(long bytes) => Text($"{bytes / 1048576.0:N1} MB");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
