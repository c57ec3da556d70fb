using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// The resumable upload protocol for load jobs: a POST opens a session (URI in Location); PUTs carry chunks with
/// Content-Range. Every chunk but the last must be a multiple of 256 KiB and start where the stored bytes end; the
/// fake answers 308 with Range for what it holds, and runs the job when the last chunk (with the total) arrives.
/// </summary>
internal sealed partial class UploadHandlers(JobHandlers jobs, FaultInjector faults)
{
    private const int Granularity = 256 * 1024;
    private readonly Dictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);

    public int ChunksReceived { get; private set; }

    public FakeResponse Start(FakeRequest request, Uri baseUri)
    {
        if (request.Query("uploadType") != "resumable")
        {
            throw GoogleErrorException.Invalid("The fake accepts resumable uploads only (uploadType=resumable).");
        }

        var job = jobs.ValidateJob(request.Json(), request["projectId"]);
        if (job["configuration"]!["load"] is null)
        {
            throw GoogleErrorException.Invalid("Only load jobs take an upload.");
        }

        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = new UploadSession(job);
        var location = new Uri(baseUri, $"upload/bigquery/v2/projects/{Uri.EscapeDataString(request["projectId"])}/jobs?uploadType=resumable&upload_id={id}");
        return new FakeResponse(200, null, new Dictionary<string, string> { ["Location"] = location.AbsoluteUri });
    }

    /// <summary>Null response: drop the connection.</summary>
    public FakeResponse? Put(FakeRequest request)
    {
        var id = request.Query("upload_id") ?? throw GoogleErrorException.Invalid("upload_id is missing.");
        var session = _sessions.GetValueOrDefault(id) ?? throw GoogleErrorException.NotFound("upload session");
        if (session.Job is not null)
        {
            return FakeResponse.Ok(session.Job.DeepClone());
        }

        var header = request.Context.Request.Headers.ContentRange.ToString();
        var query = StatusQueryRegex().Match(header);
        if (query.Success)
        {
            if (query.Groups["total"].Value != "*")
            {
                return Finish(session, long.Parse(query.Groups["total"].Value, CultureInfo.InvariantCulture), request.Body);
            }

            return Incomplete(session);
        }

        var range = ChunkRegex().Match(header);
        if (!range.Success)
        {
            throw GoogleErrorException.Invalid($"Content-Range '{header}' is not 'bytes first-last/total', 'bytes first-last/*' or 'bytes */total'.");
        }

        var first = long.Parse(range.Groups["first"].Value, CultureInfo.InvariantCulture);
        var last = long.Parse(range.Groups["last"].Value, CultureInfo.InvariantCulture);
        var isFinal = range.Groups["total"].Value != "*";
        if (last - first + 1 != request.Body.Length)
        {
            throw GoogleErrorException.Invalid($"Content-Range covers {last - first + 1} bytes but the request carries {request.Body.Length}.");
        }

        if (first != session.Bytes.Length)
        {
            throw GoogleErrorException.Invalid($"The chunk starts at byte {first}, but the session holds {session.Bytes.Length} bytes: chunks must be contiguous.");
        }

        if (!isFinal && request.Body.Length % Granularity != 0)
        {
            throw GoogleErrorException.Invalid($"A non-final chunk of {request.Body.Length} bytes is not a multiple of 256 KiB.");
        }

        var drop = faults.TakeUploadDrop();
        if (drop == false)
        {
            return null;
        }

        ChunksReceived++;
        session.Bytes.Write(request.Body);
        if (drop == true)
        {
            return null;
        }

        return isFinal ? Finish(session, long.Parse(range.Groups["total"].Value, CultureInfo.InvariantCulture), []) : Incomplete(session);
    }

    private FakeResponse Finish(UploadSession session, long total, byte[] body)
    {
        if (body.Length != 0 || total != session.Bytes.Length)
        {
            throw GoogleErrorException.Invalid($"The upload declares {total} bytes in total but the session holds {session.Bytes.Length}.");
        }

        var (key, location) = jobs.Reserve(session.Request);
        session.Job = jobs.Run(session.Request, key, location, session.Bytes.ToArray());
        return FakeResponse.Ok(session.Job.DeepClone());
    }

    private static FakeResponse Incomplete(UploadSession session) =>
        new(308, null, session.Bytes.Length == 0 ? null : new Dictionary<string, string> { ["Range"] = $"bytes=0-{session.Bytes.Length - 1}" });

    [GeneratedRegex(@"^bytes \*/(?<total>\d+|\*)$")]
    private static partial Regex StatusQueryRegex();

    [GeneratedRegex(@"^bytes (?<first>\d+)-(?<last>\d+)/(?<total>\d+|\*)$")]
    private static partial Regex ChunkRegex();

    private sealed class UploadSession(JsonObject request)
    {
        public JsonObject Request { get; } = request;

        public MemoryStream Bytes { get; } = new();

        public JsonObject? Job { get; set; }
    }
}
