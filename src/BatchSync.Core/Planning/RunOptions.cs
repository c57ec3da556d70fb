using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>What the command line adds to a workflow for one run.</summary>
/// <remarks>
/// Tables: only these tables (source or out_table names); null for all.<br/>
/// Parallelism: overrides defaults.parallelism (still capped by source.max_connections).<br/>
/// DefaultDatabase: the connection's database, for tables that name none.<br/>
/// ScheduledFor: the time the run stands for ({run_date}, {run_time}): the schedule's event time or a backfilled
/// date; null for the start time.<br/>
/// </remarks>
public sealed record RunOptions(
    RunId RunId,
    DateTimeOffset Started,
    IReadOnlyCollection<string>? Tables,
    int? Parallelism,
    string StagingRoot,
    string DefaultDatabase,
    DateTimeOffset? ScheduledFor = null)
{
    /// <summary>The time out_table templates and the run date are evaluated at.</summary>
    public DateTimeOffset RunTime => ScheduledFor ?? Started;
}
