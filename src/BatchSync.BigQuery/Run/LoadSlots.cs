using System.Collections.Concurrent;
using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Run;

/// <summary>
/// At most <see cref="PerTable"/> load jobs of one process run at once into one staging table. Every load job that
/// appends is a table update, and BigQuery allows a table 5 metadata updates per 10 seconds (quotas: "table metadata
/// update operations"); lanes of a local run share a process, so they queue here instead of spending retries on
/// rateLimitExceeded. A slot is held from the upload until the job is DONE.
/// </summary>
internal sealed class LoadSlots
{
    public const int PerTable = 4;

    private readonly ConcurrentDictionary<TableId, SemaphoreSlim> _slots = new();
    private readonly ConcurrentDictionary<TableId, int> _queued = new();

    /// <summary>Loads into <paramref name="table"/> waiting for a slot right now.</summary>
    public int Queued(TableId table) => _queued.GetValueOrDefault(table);

    /// <summary>Waits for a slot on <paramref name="table"/>; disposing the answer gives it back.</summary>
    public async Task<IDisposable> TakeAsync(TableId table, CancellationToken cancellationToken)
    {
        var slots = _slots.GetOrAdd(table, _ => new SemaphoreSlim(PerTable));
        if (!slots.Wait(0, CancellationToken.None))
        {
            _queued.AddOrUpdate(table, 1, (_, count) => count + 1);
            try
            {
                await slots.WaitAsync(cancellationToken);
            }
            finally
            {
                _queued.AddOrUpdate(table, 0, (_, count) => count - 1);
            }
        }

        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
