using System.Text.Json.Nodes;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Load;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Loading;

/// <summary>
/// Loads one staged part with one load job. The job id is deterministic: if a job with that id exists (an earlier
/// attempt got that far), its result is used and the bytes are not sent again.
/// </summary>
internal sealed class PartLoader(JobsClient jobs, ResumableUpload upload)
{
    public async Task<long> LoadAsync(TableId stagingTable, PartSource part, string jobId, BigQueryTableSchema schema, CsvLoadOptions options, CancellationToken cancellationToken)
    {
        var reference = jobs.Reference(jobId);
        var what = $"Loading a part into {stagingTable}";
        var job = await jobs.GetAsync(reference, cancellationToken) ?? await UploadAsync(reference, stagingTable, part, schema, options, what, cancellationToken);
        var done = await jobs.WaitAsync(job, what, cancellationToken);
        return done.LoadOutputRows ?? throw new InvalidOperationException($"Load job {reference} finished without statistics.load.outputRows.");
    }

    private async Task<BigQueryJob> UploadAsync(JobReference reference, TableId stagingTable, PartSource part, BigQueryTableSchema schema, CsvLoadOptions options, string what, CancellationToken cancellationToken)
    {
        var resource = new JsonObject
        {
            ["jobReference"] = reference.ToJson(),
            ["configuration"] = LoadJobConfiguration.Create(stagingTable.ToJson(), schema, "WRITE_APPEND", options.PreserveAsciiControlCharacters),
        };
        var session = await upload.StartAsync(reference.ProjectId, resource, what, cancellationToken);
        if (session is null)
        {
            return await ExistingAsync(reference, cancellationToken);
        }

        try
        {
            return BigQueryJob.FromJson(await upload.UploadAsync(session, part, what, cancellationToken), reference);
        }
        catch (Http.BigQueryException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Another attempt created the job while this one uploaded: use it rather than loading twice.
            return await ExistingAsync(reference, cancellationToken);
        }
    }

    private async Task<BigQueryJob> ExistingAsync(JobReference reference, CancellationToken cancellationToken) =>
        await jobs.GetAsync(reference, cancellationToken)
        ?? throw new InvalidOperationException($"BigQuery reported job {reference} as a duplicate but does not return it.");
}
