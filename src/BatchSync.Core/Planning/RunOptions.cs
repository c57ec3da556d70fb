using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>What the command line adds to a workflow for one run.</summary>
/// <remarks>
/// Tables: only these tables (source or out_table names); null for all.<br/>
/// Parallelism: overrides defaults.parallelism (still capped by source.max_connections).<br/>
/// DefaultDatabase: the connection's database, for tables that name none.<br/>
/// </remarks>
public sealed record RunOptions(
    RunId RunId,
    DateTimeOffset Started,
    IReadOnlyCollection<string>? Tables,
    int? Parallelism,
    string StagingRoot,
    string DefaultDatabase);
