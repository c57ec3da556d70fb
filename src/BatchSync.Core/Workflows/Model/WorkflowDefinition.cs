namespace BatchSync.Core.Workflows.Model;

/// <summary>A loaded, validated workflow file. Build one with <see cref="Loading.WorkflowLoader"/>.</summary>
public sealed record WorkflowDefinition
{
    public required string Name { get; init; }

    /// <summary>The file it was loaded from, as given to the loader.</summary>
    public required string FilePath { get; init; }

    /// <summary>EventBridge schedule expression (UTC), or null for on-demand only.</summary>
    public string? Schedule { get; init; }

    /// <summary>The zone {run_date} templates are evaluated in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public required SourceSettings Source { get; init; }

    public StagingSettings Staging { get; init; } = new();

    public DestinationSettings Destination { get; init; } = DestinationSettings.None;

    public TableDefaults Defaults { get; init; } = TableDefaults.Standard;

    public NotifySettings? Notify { get; init; }

    /// <summary>Tables in file order, included lists expanded in place.</summary>
    public required IReadOnlyList<TableSpec> Tables { get; init; }

    /// <summary>Every table with defaults applied: the one place the defaults/override merge happens.</summary>
    public IReadOnlyList<TablePlanSpec> ResolveTables() => [.. Tables.Select(Resolve)];

    public TablePlanSpec Resolve(TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parallelism = table.Parallelism ?? Defaults.Parallelism;
        return new TablePlanSpec
        {
            Table = table.Table,
            Database = table.Database,
            OutTable = table.OutTable ?? Templates.OutTableTemplate.Literal(table.Table),
            Dataset = table.Dataset ?? Destination.Dataset,
            Select = table.Select,
            Where = string.IsNullOrWhiteSpace(table.Where) ? null : table.Where,
            Mode = table.Mode ?? Defaults.Mode,
            Key = table.Key,
            DeleteMissing = table.DeleteMissing ?? false,
            Incremental = table.Incremental,
            Partition = table.Partition,
            Cluster = table.Cluster,
            Chunk = table.Chunk,
            Columns = table.Columns,
            ZeroDates = table.ZeroDates ?? Defaults.ZeroDates,
            DateTime = table.DateTime ?? Defaults.DateTime,
            Types = table.Types ?? Defaults.Types,
            RecreateOnTypeChange = table.RecreateOnTypeChange ?? Defaults.RecreateOnTypeChange,
            Parallelism = Source.MaxConnections is { } cap ? Math.Min(parallelism, cap) : parallelism,
            Retries = table.Retries ?? Defaults.Retries,
            TimeZone = TimeZone,
            Location = table.Location,
        };
    }
}
