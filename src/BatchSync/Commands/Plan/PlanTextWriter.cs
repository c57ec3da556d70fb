using System.Globalization;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Plan;

/// <summary>A plan for a person: per table its items and BigQuery schema, then the lanes with their estimated work.</summary>
internal static class PlanTextWriter
{
    public static async Task WriteAsync(RunManifest manifest, TextWriter output)
    {
        var items = manifest.Tables.SelectMany(t => t.Items).ToList();
        await output.WriteLineAsync(Text(
            $"plan for {manifest.Workflow}: {manifest.Tables.Count} tables, {items.Count} items on {manifest.Lanes} lanes, about {items.Sum(i => i.EstimatedRows):N0} rows / {Mb(items.Sum(i => i.EstimatedBytes))} (estimates)"));
        await output.WriteLineAsync($"destination: {(manifest.Destination.IsStageOnly ? "none (stage only: nothing will be loaded)" : $"{manifest.Destination}")}");
        foreach (var table in manifest.Tables)
        {
            await WriteTableAsync(table, output);
        }

        await output.WriteLineAsync("lanes:");
        for (var lane = 0; lane < manifest.Lanes; lane++)
        {
            var work = manifest.ItemsOfLane(lane).ToList();
            await output.WriteLineAsync(Text(
                $"  lane {lane}: {string.Join(", ", work.Select(w => $"{w.Table.OutTable}/{w.Item.Id}"))}  (~{work.Sum(w => w.Item.EstimatedRows):N0} rows, {Mb(work.Sum(w => w.Item.EstimatedBytes))})"));
        }
    }

    private static async Task WriteTableAsync(ManifestTable table, TextWriter output)
    {
        var target = table.Dataset is null ? table.OutTable : $"{table.Dataset}.{table.OutTable}";
        await output.WriteLineAsync();
        if (table.PlanError is not null)
        {
            await output.WriteLineAsync($"{table.SourceName} → {target}: CANNOT RUN: {table.PlanError}");
            return;
        }

        await output.WriteLineAsync(Text(
            $"{table.SourceName} → {target}  mode {table.Mode}, {table.Items.Count} items, ~{table.Items.Sum(i => i.EstimatedRows):N0} rows, {Mb(table.Items.Sum(i => i.EstimatedBytes))}"));
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

    private static string Mb(long bytes) => Text($"{bytes / 1048576.0:N1} MB");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
