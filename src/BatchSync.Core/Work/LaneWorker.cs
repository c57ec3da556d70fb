using System.Diagnostics;
using BatchSync.Core.Load;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Work;

/// <summary>
/// Runs the items of one lane in their planned order: skips what an earlier attempt finished, extracts (and loads,
/// when the destination loads per item) the rest, and records each item's status. A failed item does not stop the lane.
/// The lane extracts through one <see cref="ILaneExtractor"/> (one source connection), opened for the lane and closed after it.
/// The same worker serves array children (<c>work</c>) and the in-process launcher (<c>run --local</c>).
/// </summary>
public sealed class LaneWorker(
    RunStore store,
    IItemExtractor extractor,
    IDestination destination,
    IRunProgress progress,
    TimeProvider time,
    TimeSpan retryDelay)
{
    public async Task<LaneResult> RunLaneAsync(RunManifest manifest, int lane, CancellationToken cancellationToken)
    {
        if (lane < 0 || lane >= Math.Max(manifest.Lanes, 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lane), lane, $"The run has lanes 0..{manifest.Lanes - 1}.");
        }

        int done = 0, skipped = 0, failed = 0;
        await using var source = extractor.OpenLane();
        foreach (var (table, item) in manifest.ItemsOfLane(lane))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = await store.ReadStatusAsync(manifest.Layout, table.OutTable, item.Id, cancellationToken);
            if (previous?.State == ItemState.Done)
            {
                skipped++;
                progress.ItemSkipped(table, item, previous);
                continue;
            }

            var status = await RunItemRecordingFailureAsync(source, manifest, table, item, previous?.Attempts ?? 0, cancellationToken);
            if (status.State == ItemState.Done)
            {
                done++;
            }
            else
            {
                failed++;
            }
        }

        return new LaneResult(lane, done, skipped, failed);
    }

    /// <summary>
    /// A failure the item's own status cannot record (staging unwritable: disk full, a file where a folder should be)
    /// still fails only this item: it is reported with what could not be written, and the lane goes on.
    /// </summary>
    private async Task<ItemStatus> RunItemRecordingFailureAsync(ILaneExtractor source, RunManifest manifest, ManifestTable table, ManifestItem item, int earlierAttempts, CancellationToken cancellationToken)
    {
        try
        {
            return await RunItemAsync(source, manifest, table, item, earlierAttempts, cancellationToken);
        }
        catch (StatusWriteException exception)
        {
            var failed = new ItemStatus(table.OutTable, item.Id, ItemState.Failed, earlierAttempts + 1, FinishedAt: time.GetUtcNow(), Error: exception.Message);
            progress.ItemFinished(table, item, failed);
            return failed;
        }
    }

    private async Task WriteStatusAsync(RunManifest manifest, ItemStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteStatusAsync(manifest.Layout, status, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var outcome = status.State switch
            {
                ItemState.Done => "finished, but",
                ItemState.Failed => $"failed ({status.Error}), and",
                _ => "could not start:",
            };
            throw new StatusWriteException(
                $"Item {status.Item} of {status.Table} {outcome} its status could not be recorded in staging ({FailureMessage.Of(exception)}); the item counts as not done and a re-run redoes it.",
                exception);
        }
    }

    private async Task<ItemStatus> RunItemAsync(ILaneExtractor source, RunManifest manifest, ManifestTable table, ManifestItem item, int earlierAttempts, CancellationToken cancellationToken)
    {
        var attempts = earlierAttempts;
        for (var retry = 0; ; retry++)
        {
            attempts++;
            var started = time.GetUtcNow();
            var running = new ItemStatus(table.OutTable, item.Id, ItemState.Running, attempts, StartedAt: started);
            await WriteStatusAsync(manifest, running, cancellationToken);
            progress.ItemStarted(table, item, attempts);
            var step = new StepTracker();
            try
            {
                var finished = await AttemptAsync(source, manifest, table, item, running, step, cancellationToken);
                await WriteStatusAsync(manifest, finished, cancellationToken);
                progress.ItemFinished(table, item, finished);
                return finished;
            }
            catch (StatusWriteException)
            {
                throw;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // However the cancellation surfaced (the server reports a killed query as an error of its own), the item
                // is recorded as cancelled, without the cancelled token: the next attempt must see it as not done.
                var cancelled = running with { State = ItemState.Failed, FinishedAt = time.GetUtcNow(), Error = "Cancelled before it finished; running the run again redoes this item.", FailedStep = step.Current };
                await WriteStatusAsync(manifest, cancelled, CancellationToken.None);
                progress.ItemFinished(table, item, cancelled);
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception exception) when (retry < table.Extraction.Retries && TransientFailures.IsTransient(exception))
            {
                await Task.Delay(retryDelay * (retry + 1), time, cancellationToken);
            }
            catch (Exception exception)
            {
                var failed = running with { State = ItemState.Failed, FinishedAt = time.GetUtcNow(), Error = FailureMessage.Of(exception), FailedStep = step.Current };
                await WriteStatusAsync(manifest, failed, cancellationToken);
                progress.ItemFinished(table, item, failed);
                return failed;
            }
        }
    }

    private async Task<ItemStatus> AttemptAsync(ILaneExtractor source, RunManifest manifest, ManifestTable table, ManifestItem item, ItemStatus running, StepTracker step, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var extraction = new ItemExtraction(manifest, table, item, manifest.Layout.ItemPrefix(table.OutTable, item.Id), running.Attempts);
        var extracted = await source.ExtractAsync(extraction, new ItemProgressRelay(progress, table, item), cancellationToken);
        var extractSeconds = clock.Elapsed.TotalSeconds;
        progress.ItemExtracted(table, item);

        step.Current = RunStep.Load;
        clock.Restart();
        var loadedRows = await destination.LoadItemAsync(manifest, table, item, extracted, cancellationToken);
        double? loadSeconds = loadedRows is null ? null : clock.Elapsed.TotalSeconds;
        if (loadedRows is { } loaded && loaded != extracted.Rows)
        {
            throw new ReconciliationException($"The destination counted {loaded} rows for item {item.Id} of {table.OutTable}, but {extracted.Rows} were read from the source.");
        }

        return running with
        {
            State = ItemState.Done,
            Rows = extracted.Rows,
            Parts = extracted.Parts,
            FinishedAt = time.GetUtcNow(),
            ExtractSeconds = Math.Round(extractSeconds, 3),
            LoadSeconds = loadSeconds is { } seconds ? Math.Round(seconds, 3) : null,
            LoadedRows = loadedRows,
        };
    }

    /// <summary>The step an attempt is in, read when it fails.</summary>
    private sealed class StepTracker
    {
        public RunStep Current { get; set; } = RunStep.Extract;
    }

    private sealed class ItemProgressRelay(IRunProgress progress, ManifestTable table, ManifestItem item) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => progress.ItemProgressed(table, item, value);
    }
}
