using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>Everything the planner needs from the resolved workflow and the command line.</summary>
public sealed record RunPlanRequest(
    string Workflow,
    string? WorkflowFile,
    RunId RunId,
    DateTimeOffset CreatedAt,
    DateOnly RunDate,
    string StagingRoot,
    DestinationSummary Destination,
    int Parallelism,
    int? MaxConnections,
    IReadOnlyList<TablePlanRequest> Tables);
