namespace BatchSync.Core.Workflows.Model;

/// <summary>The per-table settings every table inherits unless it sets its own.</summary>
public sealed record TableDefaults
{
    public static readonly TableDefaults Standard = new();

    public LoadMode Mode { get; init; } = LoadMode.Replace;

    public ZeroDatePolicy ZeroDates { get; init; } = ZeroDatePolicy.Null;

    public DateTimeHandling DateTime { get; init; } = DateTimeHandling.DateTime;

    /// <summary>The type mapping for columns without an override.</summary>
    public Schema.TypeProfile Types { get; init; } = Schema.TypeProfile.BatchSync;

    /// <summary>Mode replace only: when the destination's column types differ, replace them with the new ones.</summary>
    public bool RecreateOnTypeChange { get; init; }

    public int Parallelism { get; init; } = 4;

    public int Retries { get; init; } = 2;
}
