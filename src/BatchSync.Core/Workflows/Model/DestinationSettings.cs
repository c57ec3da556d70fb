using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Workflows.Model;

/// <summary>Where staged tables land; <see cref="DestinationType.None"/> stops after staging.</summary>
public sealed record DestinationSettings
{
    public static readonly DestinationSettings None = new();

    public DestinationType Type { get; init; } = DestinationType.None;

    public string? Project { get; init; }

    /// <summary>The dataset tables land in unless they name their own.</summary>
    public string? Dataset { get; init; }

    /// <summary>BigQuery location (region or multi-region) every job runs in.</summary>
    public string? Location { get; init; }

    /// <summary>Service-account key or external-account JSON; null means application default credentials.</summary>
    public ValueReference? Credentials { get; init; }

    /// <summary>API root override, for emulators and tests.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The DuckDB database file (type duckdb), relative to the workflow file's folder unless absolute.</summary>
    public string? Path { get; init; }
}
