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
        var runDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(options.RunTime, workflow.TimeZone).DateTime);
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
            spec.RenderOutTable(options.RunTime),
            spec.Dataset,
            spec.Select,
            spec.Where,
            spec.Mode,
            spec.Key,
            spec.Partition,
            spec.Cluster,
            spec.Incremental?.Column,
            spec.Incremental?.Lookback ?? IncrementalLookback.None,
            spec.Chunk?.Rows,
            new ExtractionSettings(
                spec.ZeroDates,
                spec.DateTime,
                workflow.Source.TimeZone?.Id,
                spec.Retries,
                workflow.Staging.PartSizeMb,
                ColumnTypes(spec.Columns),
                spec.Types,
                ColumnNames(spec.Columns)),
            spec.Columns,
            spec.DeleteMissing,
            spec.RecreateOnTypeChange);

    private static Dictionary<string, BigQueryType>? ColumnTypes(IReadOnlyDictionary<string, ColumnOverride> columns)
    {
        var types = columns.Where(c => c.Value.Type is not null).ToDictionary(c => c.Key, c => c.Value.Type!.Value, StringComparer.OrdinalIgnoreCase);
        return types.Count == 0 ? null : types;
    }

    private static Dictionary<string, string>? ColumnNames(IReadOnlyDictionary<string, ColumnOverride> columns)
    {
        var names = columns.Where(c => c.Value.Name is not null).ToDictionary(c => c.Key, c => c.Value.Name!, StringComparer.OrdinalIgnoreCase);
        return names.Count == 0 ? null : names;
    }

    private static DestinationSummary Summarize(DestinationSettings destination) => destination.Type switch
    {
        DestinationType.None => DestinationSummary.StageOnly with { Project = destination.Project, Dataset = destination.Dataset },
        // Like a local staging.uri, the file is relative to the current folder; the manifest keeps it absolute so every
        // process of the run (and a resumed run started elsewhere) opens the same file.
        DestinationType.DuckDb => new DestinationSummary(DestinationType.DuckDb, Dataset: destination.Dataset, Path: System.IO.Path.GetFullPath(destination.Path!)),
        _ => new DestinationSummary(destination.Type, destination.Project, destination.Dataset, destination.Location),
    };
}
