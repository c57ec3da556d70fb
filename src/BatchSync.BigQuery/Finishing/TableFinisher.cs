using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Lands a fully loaded staging table in its destination with one job whose id derives from the run, so a retried
/// finish reuses the job instead of landing the rows twice. Counts are reconciled before anything lands.
/// </summary>
internal sealed class TableFinisher(DestinationPreparer destinations, TablesClient tables, JobsClient jobs)
{
    public async Task<FinishResult> FinishAsync(DestinationSpec spec, TableId staging, long expectedRows, CancellationToken cancellationToken)
    {
        spec.Validate();
        var reference = jobs.Reference(JobIds.Create(spec.RunId, spec.Table.ToString(), 0, $"finish_{spec.Mode}"));
        if (await jobs.GetAsync(reference, cancellationToken) is { IsDone: true, ErrorResult: null })
        {
            // An earlier attempt of this run landed the table (it reconciled the same count before it did) and may
            // have dropped staging already: landing again would fail, or for append add the rows twice.
            return new FinishResult(spec.Table, spec.Mode, expectedRows, reference.JobId, await TryDropAsync(staging, cancellationToken));
        }

        var staged = await tables.GetAsync(staging, cancellationToken)
            ?? throw new InvalidOperationException($"Staging table {staging} for {spec.Table} does not exist (expired, or no part was loaded). Rerun the table.");
        var stagedRows = staged.NumRows ?? 0;
        if (stagedRows != expectedRows)
        {
            throw new RowCountMismatchException(spec.Table, expectedRows, stagedRows);
        }

        await destinations.EnsureAsync(spec, cancellationToken);
        var configuration = spec.Mode switch
        {
            LoadMode.Replace or LoadMode.DeleteInAdvance => Copy(staging, spec.Table, "WRITE_TRUNCATE"),
            LoadMode.Append => Copy(staging, spec.Table, "WRITE_APPEND"),
            LoadMode.Merge => Query(MergeStatement.Build(spec.Table, staging, [.. spec.Definition.Schema.Fields.Select(field => field.Name)], spec.KeyColumns, spec.DeleteMissing)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Mode, "Unknown load mode."),
        };
        var job = await jobs.InsertAsync(reference, configuration, cancellationToken);
        await jobs.WaitAsync(job, $"Landing {staging} in {spec.Table} ({spec.Mode})", cancellationToken);
        return new FinishResult(spec.Table, spec.Mode, stagedRows, reference.JobId, await TryDropAsync(staging, cancellationToken));
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
