using System.Collections.Concurrent;

namespace BatchSync.BigQuery.Fake;

/// <summary>Faults the next requests meet: an error answer for a path, or a dropped connection during an upload.</summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private int _uploadDrops;
    private bool _dropAfterStoring;

    /// <summary>The next <paramref name="count"/> requests whose path contains <paramref name="pathContains"/> get this error.</summary>
    public void FailNext(string pathContains, int count, int status, string reason, string? method = null)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new Fault(pathContains, method, status, reason));
        }
    }

    /// <summary>The next <paramref name="count"/> upload chunks lose their connection, before or after the fake stored the bytes.</summary>
    public void DropUploadConnections(int count, bool afterStoring)
    {
        _uploadDrops = count;
        _dropAfterStoring = afterStoring;
    }

    public int Injected { get; private set; }

    internal Fault? Take(string method, string path)
    {
        if (_faults.TryPeek(out var fault) && path.Contains(fault.PathContains, StringComparison.Ordinal) && (fault.Method is null || fault.Method == method) && _faults.TryDequeue(out fault))
        {
            Injected++;
            return fault;
        }

        return null;
    }

    /// <summary>Null: no drop; otherwise whether to store the chunk before dropping.</summary>
    internal bool? TakeUploadDrop()
    {
        if (_uploadDrops <= 0)
        {
            return null;
        }

        _uploadDrops--;
        Injected++;
        return _dropAfterStoring;
    }

    internal sealed record Fault(string PathContains, string? Method, int Status, string Reason);
}
