namespace BatchSync.Core.Runs;

/// <summary>Keeps incremental watermarks in staging (<c>state/&lt;workflow&gt;/&lt;out_table&gt;.json</c>), never in the container.</summary>
public sealed class WatermarkStore(IRunDocuments documents)
{
    public async Task<Watermark?> ReadAsync(string workflow, string outTable, CancellationToken cancellationToken)
    {
        var key = RunLayout.State(workflow, outTable);
        var text = await documents.ReadAsync(key, cancellationToken);
        return text is null ? null : RunJson.Deserialize<Watermark>(text, $"incremental state {documents.AddressOf(key)}");
    }

    public Task WriteAsync(string workflow, string outTable, Watermark watermark, CancellationToken cancellationToken)
        => documents.WriteAsync(RunLayout.State(workflow, outTable), RunJson.Serialize(watermark), cancellationToken);
}
