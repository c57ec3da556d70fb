using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Checking;

/// <summary>
/// <c>batchsync validate --connect</c>: checks a valid workflow against its live source (tables exist, selected,
/// key, partition, cluster and incremental columns exist). Problems come back as diagnostics at the table's location.
/// </summary>
public interface IWorkflowSourceChecker
{
    ValueTask<IReadOnlyList<Diagnostic>> CheckAsync(WorkflowDefinition workflow, CancellationToken cancellationToken);
}
