using System.Collections.Concurrent;
using BatchSync.Core.Runs;

namespace BatchSync.Aws.Tests.Batch;

internal sealed class InMemoryRunDocuments : IRunDocuments
{
    public ConcurrentDictionary<string, string> Documents { get; } = new(StringComparer.Ordinal);

    public string Root => "s3://bucket/batchsync/";

    public Task<string?> ReadAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Documents.GetValueOrDefault(key));

    public Task WriteAsync(string key, string text, CancellationToken cancellationToken)
    {
        Documents[key] = text;
        return Task.CompletedTask;
    }

    public string AddressOf(string key) => Root + key;

    public Task<int> WithdrawUnfinishedWritesAsync(string folder, CancellationToken cancellationToken) => Task.FromResult(0);
}
