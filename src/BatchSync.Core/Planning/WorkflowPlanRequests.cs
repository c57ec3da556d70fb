using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>Turns a loaded workflow and the options of one run into what the planner reads.</summary>
public static class WorkflowPlanRequests
{
    /// <exception cref="ArgumentException">The options name a table the workflow does not have.</exception>
    public static RunPlanRequest Create(WorkflowDefinition workflow, RunOptions options)
    {
        var specs = workflow.ResolveTables();
        var tables = specs.Select(spec => ToTableRequest(workflow, spec, options)).ToList();
        var runDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(options.Started, workflow.TimeZone).DateTime);
        var selected = Select(tables, options.Tables);
        // Fingerprinted with out_table templates, not their renderings: resuming on another day is not a change.
        var templates = specs.Zip(tables).ToDictionary(pair => pair.Second, pair => pair.First.OutTable.Text);
        var destination = Summarize(workflow.Destination);
        return new RunPlanRequest(
            workflow.Name,
            workflow.FilePath,
            options.RunId,
            options.Started,
            runDate,
            options.StagingRoot,
            destination,
            options.Parallelism ?? workflow.Defaults.Parallelism,
            workflow.Source.MaxConnections,
            selected,
            WorkflowFingerprint.Of(destination, selected.Select(t => t with { OutTable = templates[t] })));
    }

    private static List<TablePlanRequest> Select(List<TablePlanRequest> tables, IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return tables;
        }

        var unknown = names.Where(name => !tables.Any(t => Matches(t, name))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"--tables names {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which the workflow does not have. Its tables: {string.Join(", ", tables.Select(t => t.SourceTable))}.",
                nameof(names));
        }

        return tables.Where(t => names.Any(name => Matches(t, name))).ToList();
    }

    private static bool Matches(TablePlanRequest table, string name)
        => string.Equals(table.SourceTable, name, StringComparison.OrdinalIgnoreCase) || string.Equals(table.OutTable, name, StringComparison.OrdinalIgnoreCase);

    private static TablePlanRequest ToTableRequest(WorkflowDefinition workflow, TablePlanSpec spec, RunOptions options)
        => new(
            spec.Database ?? options.DefaultDatabase,
            spec.Table,
            spec.RenderOutTable(options.Started),
            spec.Dataset,
            spec.Select,
            spec.Where,
            NameOf(EnumNames.LoadModes, spec.Mode),
            spec.Key,
            spec.Partition is { } p ? new ManifestPartition(p.Column, p.Type is { } t ? NameOf(EnumNames.TimePartitionTypes, t) : null, p.Range is { } r ? [r.Start, r.End, r.Interval] : null) : null,
            spec.Cluster,
            spec.Incremental?.Column,
            spec.Incremental?.Lookback ?? TimeSpan.Zero,
            spec.Chunk?.Rows,
            new ExtractionSettings(
                NameOf(EnumNames.ZeroDatePolicies, spec.ZeroDates),
                NameOf(EnumNames.DateTimeHandlings, spec.DateTime),
                workflow.Source.TimeZone?.Id,
                spec.Retries,
                workflow.Staging.PartSizeMb,
                ColumnTypes(spec.Columns),
                ColumnNames(spec.Columns)),
            spec.Columns,
            spec.DeleteMissing);

    private static Dictionary<string, string>? ColumnTypes(IReadOnlyDictionary<string, ColumnOverride> columns)
    {
        var types = columns.Where(c => c.Value.Type is not null).ToDictionary(c => c.Key, c => c.Value.Type!.Value.ToApiName(), StringComparer.OrdinalIgnoreCase);
        return types.Count == 0 ? null : types;
    }

    private static Dictionary<string, string>? ColumnNames(IReadOnlyDictionary<string, ColumnOverride> columns)
    {
        var names = columns.Where(c => c.Value.Name is not null).ToDictionary(c => c.Key, c => c.Value.Name!, StringComparer.OrdinalIgnoreCase);
        return names.Count == 0 ? null : names;
    }

    private static DestinationSummary Summarize(DestinationSettings destination)
        => destination.Type == DestinationType.None
            ? DestinationSummary.StageOnly
            : new DestinationSummary(DestinationSummary.BigQuery, destination.Project, destination.Dataset, destination.Location);

    private static string NameOf<T>(IReadOnlyDictionary<string, T> names, T value)
        where T : struct, Enum
        => names.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
