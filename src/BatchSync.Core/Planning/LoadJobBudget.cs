using System.Globalization;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>
/// BigQuery takes at most 1,500 load jobs per table per day, failed ones included, and answers quotaExceeded after
/// that (https://cloud.google.com/bigquery/quotas#load_jobs). A table's parts load into its per-run staging table,
/// one job per part, so a plan whose parts could exceed <see cref="PartsPerTable"/> is refused up front, with the
/// setting that fixes it, instead of failing hours into the run. The rest of the quota is room for retried parts.
/// </summary>
public static class LoadJobBudget
{
    /// <summary>The most parts (load jobs) one table of a BigQuery run may plan for.</summary>
    public const int PartsPerTable = 1000;

    /// <summary>BigQuery's documented limit the budget leaves room under.</summary>
    public const int BigQueryLoadJobsPerTablePerDay = 1500;

    private const long Megabyte = 1024L * 1024;

    /// <summary>
    /// The most parts the items can write: every item writes at least one part, and a part rotates at part_size_mb
    /// of compressed bytes, so the items' uncompressed size over part_size_mb bounds the rest from above.
    /// </summary>
    public static long MaxParts(IReadOnlyList<ManifestItem> items, int partSizeMb)
        => items.Sum(item => Math.Max(1, CeilingDivide(item.EstimatedBytes, partSizeMb * Megabyte)));

    /// <summary>Null when the plan fits; else why not and which setting fixes it.</summary>
    public static string? Check(TablePlanRequest table, IReadOnlyList<ManifestItem> items, long estimatedRows, long estimatedBytes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(items);
        var partSizeMb = table.Extraction.PartSizeMb;
        var parts = MaxParts(items, partSizeMb);
        if (parts <= PartsPerTable)
        {
            return null;
        }

        var fixes = new List<string>();
        if (items.Count > PartsPerTable / 2 && table.ChunkRows is not null)
        {
            fixes.Add($"raise chunk.rows to at least {Format(CeilingDivide(estimatedRows, PartsPerTable / 2))} (now {Format(table.ChunkRows.Value)}: {Format(items.Count)} chunks)");
        }

        var bytesPerPartMb = CeilingDivide(estimatedBytes, (PartsPerTable - Math.Min(items.Count, PartsPerTable / 2)) * Megabyte);
        if (bytesPerPartMb > partSizeMb)
        {
            fixes.Add($"raise staging.part_size_mb to at least {Format(Math.Min(bytesPerPartMb, 4000))} (now {Format(partSizeMb)})");
        }

        return $"{table.SourceName} would load in up to {Format(parts)} parts ({Format(items.Count)} item(s), about {Format(estimatedBytes / Megabyte)} MB at part_size_mb {Format(partSizeMb)}), one BigQuery load job each. "
            + $"BigQuery allows {Format(BigQueryLoadJobsPerTablePerDay)} load jobs per table per day, failed ones included, so BatchSync plans at most {Format(PartsPerTable)} per table: "
            + string.Join(", or ", fixes.Count > 0 ? fixes : ["split the table by a where filter into several out_tables"]) + ".";
    }

    private static long CeilingDivide(long value, long by) => (value + by - 1) / by;

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
