namespace BatchSync.Core.Runs;

/// <summary>
/// The plan of one run, written once by the parent before any lane starts. Lanes never re-plan: every schema,
/// query, chunk bound and incremental bound a lane needs is in here, so all lanes agree.
/// </summary>
/// <remarks>
/// WorkflowFile is the workflow as the run named it: lanes read it only for the source connection (credentials never enter the manifest).
/// WorkflowHash fingerprints the resolved workflow the plan was made from (see <see cref="Planning.WorkflowFingerprint"/>).
/// </remarks>
public sealed record RunManifest(
    string Workflow,
    string? WorkflowFile,
    string RunId,
    DateTimeOffset CreatedAt,
    DateOnly RunDate,
    string StagingRoot,
    DestinationSummary Destination,
    int Lanes,
    IReadOnlyList<ManifestTable> Tables,
    string? WorkflowHash = null)
{
    public IEnumerable<(ManifestTable Table, ManifestItem Item)> ItemsOfLane(int lane)
        => Tables.SelectMany(table => table.Items.Select(item => (table, item)))
            .Where(x => x.item.Lane == lane)
            .OrderBy(x => x.item.Order);

    public int ItemCount => Tables.Sum(table => table.Items.Count);

    public RunLayout Layout => new(Workflow, RunId);
}
