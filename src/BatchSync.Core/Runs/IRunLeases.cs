namespace BatchSync.Core.Runs;

/// <summary>
/// One holder per run: two processes running the same run id at once would extract the same items. Local folders use
/// an OS file lock (released when the process ends, even by SIGKILL); S3 uses a conditional write (If-None-Match: *).
/// </summary>
public interface IRunLeases
{
    /// <summary>
    /// Takes the lease stored at the key for <c>holder</c> (host, process, job id; kept in the lease); null when another
    /// holder has it. Disposing the result releases it.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string key, RunLeaseHolder holder, CancellationToken cancellationToken);
}
