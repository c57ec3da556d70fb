using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>Everything the planner needs from the resolved workflow and the command line.</summary>
/// <remarks>WorkflowHash: a fingerprint of what this request asks for (tables and their settings, destination), so a
/// resumed run can tell that the workflow or --tables changed since its manifest was written.</remarks>
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
    IReadOnlyList<TablePlanRequest> Tables,
    string? WorkflowHash = null);
