using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Load;

/// <summary>
/// The destination of <c>type: none</c>: tables stop in staging. Finishing a table writes what loading it needs next
/// to its parts: schema.json (the BigQuery schema), load.json (a <c>jobs.insert</c> body, see
/// <see cref="LoadJobConfiguration.ForTable"/>) and parts.txt (the staged parts, one address a line).
/// </summary>
public sealed class StageOnlyDestination(IRunDocuments documents) : IDestination
{
    public Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
        => Task.FromResult<long?>(null);

    public async Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(items);
        var layout = manifest.Layout;
        var parts = items.SelectMany(status => (status.Parts ?? []).Select(part => documents.AddressOf(layout.ItemPrefix(table.OutTable, status.Item) + part.Name)));
        await documents.WriteAsync(layout.Schema(table.OutTable), table.Schema.ToJson(), cancellationToken);
        await documents.WriteAsync(layout.LoadConfiguration(table.OutTable), LoadJobConfiguration.ForTable(manifest, table).ToJsonString(RunJson.Options), cancellationToken);
        await documents.WriteAsync(layout.Parts(table.OutTable), string.Concat(parts.Select(address => address + "\n")), cancellationToken);
        return new TableLanding(documents.AddressOf(layout.TablePrefix(table.OutTable)), items.Sum(status => status.Rows ?? 0), TableOutcome.Staged);
    }
}
