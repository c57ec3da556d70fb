namespace BatchSync.Core.Runs;

/// <summary>Reads and writes a run's documents in staging at the places <see cref="RunLayout"/> names.</summary>
public sealed class RunStore(IRunDocuments documents)
{
    public IRunDocuments Documents => documents;

    public Task<RunManifest?> FindManifestAsync(string workflow, string runId, CancellationToken cancellationToken)
        => ReadManifestAsync(RunLayout.ManifestOf(workflow, runId), cancellationToken);

    public async Task<RunManifest?> ReadManifestAsync(string key, CancellationToken cancellationToken)
    {
        var text = await documents.ReadAsync(key, cancellationToken);
        return text is null ? null : RunJson.Deserialize<RunManifest>(text, $"manifest {documents.AddressOf(key)}");
    }

    public Task WriteManifestAsync(RunManifest manifest, CancellationToken cancellationToken)
        => documents.WriteAsync(manifest.Layout.Manifest, RunJson.Serialize(manifest), cancellationToken);

    public async Task<ItemStatus?> ReadStatusAsync(RunLayout layout, string outTable, string item, CancellationToken cancellationToken)
    {
        var key = layout.ItemStatus(outTable, item);
        var text = await documents.ReadAsync(key, cancellationToken);
        return text is null ? null : RunJson.Deserialize<ItemStatus>(text, $"item status {documents.AddressOf(key)}");
    }

    public Task WriteStatusAsync(RunLayout layout, ItemStatus status, CancellationToken cancellationToken)
        => documents.WriteAsync(layout.ItemStatus(status.Table, status.Item), RunJson.Serialize(status), cancellationToken);

    /// <summary>Every item's status in manifest order; an item no lane has touched yet reads as pending.</summary>
    /// <summary>
    /// Removes the documents an earlier attempt of the run began writing and never committed (in the run's, each
    /// table's and each item's folder), so a resumed run leaves no temporary file behind. The caller holds the lease.
    /// </summary>
    public async Task WithdrawUnfinishedWritesAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var layout = manifest.Layout;
        IEnumerable<string> folders =
        [
            layout.RunPrefix,
            .. manifest.Tables.Select(table => layout.TablePrefix(table.OutTable)),
            .. manifest.Tables.SelectMany(table => table.Items.Select(item => layout.ItemPrefix(table.OutTable, item.Id))),
        ];
        foreach (var folder in folders)
        {
            await documents.WithdrawUnfinishedWritesAsync(folder, cancellationToken);
        }
    }

    /// <summary>Whether the run recorded that the table landed (landed.json).</summary>
    public async Task<bool> HasLandedAsync(RunManifest manifest, ManifestTable table, CancellationToken cancellationToken)
        => await documents.ReadAsync(manifest.Layout.Landing(table.OutTable), cancellationToken) is not null;

    public async Task<IReadOnlyList<ItemStatus>> ReadStatusesAsync(RunManifest manifest, ManifestTable table, CancellationToken cancellationToken)
    {
        var statuses = new List<ItemStatus>(table.Items.Count);
        foreach (var item in table.Items)
        {
            statuses.Add(await ReadStatusAsync(manifest.Layout, table.OutTable, item.Id, cancellationToken)
                ?? new ItemStatus(table.OutTable, item.Id, ItemState.Pending, Attempts: 0));
        }

        return statuses;
    }
}
