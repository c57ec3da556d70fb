using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Lands a fully loaded staging table in its destination with one job whose id derives from the run, so a retried
/// finish reuses the job instead of landing the rows twice. Counts are reconciled before anything lands.
/// BigQuery keeps a failed job's id for good, so a landing job that failed is followed by a numbered retry id
/// (…_retry1, …_retry2): a resumed run walks the ids in order, waits for one still running, stops at one that
/// succeeded and starts the first unused one, so re-running the run id repairs a table whose landing failed.
/// </summary>
internal sealed class TableFinisher(DestinationPreparer destinations, TablesClient tables, JobsClient jobs)
{
    /// <summary>Landing jobs one table may use up in one run before the run gives up on it.</summary>
    public const int MaxLandingJobs = 5;

    public async Task<FinishResult> FinishAsync(DestinationSpec spec, TableId staging, long expectedRows, CancellationToken cancellationToken)
    {
        spec.Validate();
        BigQueryException? lastFailure = null;
        for (var attempt = 0; attempt < MaxLandingJobs; attempt++)
        {
            var step = attempt == 0 ? $"finish_{spec.Mode}" : $"finish_{spec.Mode}_retry{attempt}";
            var reference = jobs.Reference(JobIds.Create(spec.RunId, $"{spec.JobScope}/{spec.Table}", 0, step));
            var job = await jobs.GetAsync(reference, cancellationToken);
            var startedHere = job is null;
            job ??= await StartAsync(spec, staging, expectedRows, reference, cancellationToken);
            try
            {
                // An earlier attempt's job that succeeded landed the table (it reconciled the same count first) and
                // may have dropped staging already: landing again would fail, or for append add the rows twice.
                await jobs.WaitAsync(job, $"Landing {staging} in {spec.Table} ({spec.Mode})", cancellationToken);
                return new FinishResult(spec.Table, spec.Mode, expectedRows, reference.JobId, await TryDropAsync(staging, cancellationToken));
            }
            catch (BigQueryException failure) when (!startedHere || RetryableFailure.IsTransientJobFailure(failure.Reason))
            {
                // A failed job changed nothing (a job commits all or nothing); its id is spent, so take the next one.
                lastFailure = failure;
            }
        }

        throw new BigQueryException($"Landing {spec.Table} failed in {MaxLandingJobs} jobs of run {spec.RunId}; the destination is unchanged. Fix the cause and start a new run id. Last failure: {lastFailure?.Message}", lastFailure!);
    }

    private async Task<BigQueryJob> StartAsync(DestinationSpec spec, TableId staging, long expectedRows, JobReference reference, CancellationToken cancellationToken)
    {
        var staged = await tables.GetAsync(staging, cancellationToken)
            ?? throw new InvalidOperationException($"Staging table {staging} for {spec.Table} does not exist (expired, or no part was loaded). Rerun the table.");
        var stagedRows = staged.NumRows ?? 0;
        if (stagedRows != expectedRows)
        {
            throw new RowCountMismatchException(spec.Table, expectedRows, stagedRows);
        }

        await destinations.EnsureAsync(spec, cancellationToken);
        var source = staging;
        if (PartitionCheckStatement.Build(spec.Table, staging, spec.Definition) is { } check)
        {
            await CheckPartitionAsync(spec, staging, check, cancellationToken);
            source = staging.Partition(spec.Table.PartitionDecorator!);
        }

        var configuration = spec.Mode switch
        {
            LoadMode.Replace or LoadMode.DeleteInAdvance => Copy(source, spec.Table, "WRITE_TRUNCATE"),
            LoadMode.Append => Copy(staging, spec.Table, "WRITE_APPEND"),
            LoadMode.Merge => Query(MergeStatement.Build(spec.Table, staging, [.. spec.Definition.Schema.Fields.Select(field => field.Name)], spec.KeyColumns, spec.DeleteMissing)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Mode, "Unknown load mode."),
        };
        return await jobs.InsertAsync(reference, configuration, cancellationToken);
    }

    /// <summary>
    /// Fails when staging holds rows outside the partition being replaced. The check changes nothing, so it runs under
    /// a fresh job id every time: a resumed run checks again instead of finding an earlier check's answer.
    /// </summary>
    private async Task CheckPartitionAsync(DestinationSpec spec, TableId staging, string check, CancellationToken cancellationToken)
    {
        var reference = jobs.Reference(JobIds.Create(spec.RunId, $"{spec.JobScope}/{spec.Table}", 0, $"check_partition_{Guid.NewGuid():N}"));
        var job = await jobs.InsertAsync(reference, Query(check), cancellationToken);
        await jobs.WaitAsync(job, $"Checking that the rows staged in {staging} all belong to partition {spec.Table.PartitionDecorator} of {spec.Table.WithoutDecorator}", cancellationToken);
    }

    private static JsonObject Copy(TableId source, TableId destination, string writeDisposition) => new()
    {
        ["copy"] = new JsonObject
        {
            ["sourceTable"] = source.ToJson(),
            ["destinationTable"] = destination.ToJson(),
            ["writeDisposition"] = writeDisposition,
            // The destination was created with its partitioning and clustering beforehand; a copy must not invent one.
            ["createDisposition"] = "CREATE_NEVER",
        },
    };

    private static JsonObject Query(string sql) => new()
    {
        ["query"] = new JsonObject
        {
            ["query"] = sql,
            ["useLegacySql"] = false,
        },
    };

    // Staging tables expire on their own, so failing to drop one must not fail a table that already landed.
    private async Task<bool> TryDropAsync(TableId staging, CancellationToken cancellationToken)
    {
        try
        {
            await tables.DeleteAsync(staging, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is BigQueryException or HttpRequestException or IOException)
        {
            return false;
        }
    }
}
