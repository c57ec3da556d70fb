using System.Collections.Concurrent;

namespace BatchSync.BigQuery.Fake;

/// <summary>Faults the next requests meet: an error answer for a path, or a dropped connection during an upload.</summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<JobFailure> _jobFailures = new();
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

    /// <summary>
    /// The next <paramref name="count"/> jobs of <paramref name="kind"/> (load, copy, query) are accepted (200, job
    /// created) and then finish DONE with this errorResult, as BigQuery reports a job that failed while it ran:
    /// transient reasons (backendError, internalError) as much as permanent ones. The job id stays taken.
    /// </summary>
    public void FailNextJobs(string kind, int count, string reason, string message)
    {
        for (var i = 0; i < count; i++)
        {
            _jobFailures.Enqueue(new JobFailure(kind, reason, message));
        }
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

    internal JobFailure? TakeJobFailure(string kind)
    {
        if (_jobFailures.TryPeek(out var failure) && failure.Kind == kind && _jobFailures.TryDequeue(out failure))
        {
            Injected++;
            return failure;
        }

        return null;
    }

    internal sealed record JobFailure(string Kind, string Reason, string Message);

    internal sealed record Fault(string PathContains, string? Method, int Status, string Reason);
}
