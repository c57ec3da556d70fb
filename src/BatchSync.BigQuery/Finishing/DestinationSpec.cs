using BatchSync.BigQuery.Tables;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Where and how one source table lands. <see cref="Table"/> may carry a partition decorator for
/// <see cref="LoadMode.DeleteInAdvance"/>. <see cref="RunId"/> makes the finishing job ids deterministic, so a
/// retried finish finds its earlier job instead of appending twice.
/// </summary>
public sealed record DestinationSpec(TableId Table, TableDefinition Definition, LoadMode Mode, string RunId)
{
    /// <summary>The workflow whose run lands here: with <see cref="Table"/> and <see cref="RunId"/>, what names a landing.</summary>
    public string? Workflow { get; init; }

    /// <summary>
    /// What every job id of this landing derives from besides the run id: the workflow and the destination table.
    /// Scheduled runs share run ids (the schedule's time), so two workflows, or one table name in two datasets,
    /// must not share a job id: the second would find the first one's job and never load its own data.
    /// </summary>
    public string JobScope => $"{Workflow}/{Table.WithoutDecorator}";

    /// <summary>Key columns for <see cref="LoadMode.Merge"/>.</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    /// <summary>For <see cref="LoadMode.Merge"/>: delete destination rows whose key is absent from the new data.</summary>
    public bool DeleteMissing { get; init; }

    /// <summary>
    /// For <see cref="LoadMode.Replace"/>: when the destination's column types differ, land anyway. The copy with
    /// WRITE_TRUNCATE replaces the destination's schema with the staging table's, atomically with its rows.
    /// </summary>
    public bool RecreateOnTypeChange { get; init; }

    /// <summary>Create the dataset (in the client's location) when it does not exist.</summary>
    public bool CreateDatasetIfMissing { get; init; }

    /// <exception cref="ArgumentException">The spec is inconsistent.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RunId);
        if (Mode == LoadMode.Merge)
        {
            if (KeyColumns.Count == 0)
            {
                throw new ArgumentException($"Mode merge into {Table} needs key columns.");
            }

            var names = Definition.Schema.Fields.Select(field => field.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = KeyColumns.Where(key => !names.Contains(key)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"Merge key column(s) {string.Join(", ", unknown)} of {Table} are not in the schema.");
            }
        }
        else if (DeleteMissing)
        {
            throw new ArgumentException($"delete_missing applies to mode merge only ({Table} uses {Mode}).");
        }

        if (RecreateOnTypeChange && Mode != LoadMode.Replace)
        {
            throw new ArgumentException($"Recreating on a type change applies to mode replace only ({Table} uses {Mode}).");
        }

        if (Table.PartitionDecorator is not null && Mode != LoadMode.DeleteInAdvance)
        {
            throw new ArgumentException($"A partition decorator ({Table}) needs mode delete_in_advance.");
        }
    }
}
