using System.Collections.Concurrent;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Tests.Runs;

/// <summary>Run documents kept in a dictionary, with a count of writes per key so tests can prove what was not rewritten.</summary>
internal sealed class InMemoryRunDocuments : IRunDocuments
{
    public ConcurrentDictionary<string, string> Texts { get; } = new();

    public ConcurrentDictionary<string, int> Writes { get; } = new();

    public string Root => "mem://staging";

    public Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
        => Task.FromResult(Texts.TryGetValue(key, out var text) ? text : null);

    public Task WriteAsync(string key, string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Texts[key] = text;
        Writes.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public string AddressOf(string key) => $"{Root}/{key}";

    public Task<int> WithdrawUnfinishedWritesAsync(string folder, CancellationToken cancellationToken) => Task.FromResult(0);
}
