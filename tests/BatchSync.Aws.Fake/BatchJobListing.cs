using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BatchSync.Aws.Fake;

/// <summary>
/// ListJobs as the Batch API model documents it, for the Batch fakes: exactly one of jobQueue / arrayJobId /
/// multiNodeJobId; without filters only jobs in jobStatus (RUNNING when none is given), up to 1000 a page; with a
/// filter jobStatus is ignored, JOB_NAME matches case-insensitively (a trailing '*' matches a prefix) and does not
/// apply to array children, results come newest first, up to 100 a page; nextToken continues a listing.
/// </summary>
public static class BatchJobListing
{
    public const int FilteredPageSize = 100;
    public const int StatusPageSize = 1000;

    /// <param name="body">The ListJobs request.</param>
    /// <param name="queueJobs">The summaries of the queue's jobs (not array children), each with jobName, status and createdAt.</param>
    /// <param name="childrenOf">The summaries of an array job's children, or null for an unknown job.</param>
    public static FakeAnswer Answer(JsonObject body, IEnumerable<JsonObject> queueJobs, Func<string, IEnumerable<JsonObject>?> childrenOf)
    {
        var scopes = new[] { "jobQueue", "arrayJobId", "multiNodeJobId" }.Count(name => body[name] is not null);
        if (scopes != 1)
        {
            return Client("You must specify only one of the following items: jobQueue, arrayJobId, multiNodeJobId.");
        }

        var filters = body["filters"]?.AsArray() ?? [];
        if (filters.Count > 1)
        {
            return Client("Only one filter can be used at a time.");
        }

        IEnumerable<JsonObject> jobs;
        int pageSize;
        if (body["arrayJobId"]?.GetValue<string>() is { } arrayJobId)
        {
            jobs = (childrenOf(arrayJobId) ?? []).Where(WithStatus(body));
            pageSize = StatusPageSize;
        }
        else if (filters.Count == 1)
        {
            var filter = filters[0]!;
            if (filter["name"]?.GetValue<string>() != "JOB_NAME")
            {
                return Client($"The fake implements only the JOB_NAME filter, not {filter["name"]}.");
            }

            var pattern = filter["values"]?.AsArray().Select(v => v!.GetValue<string>()).FirstOrDefault() ?? "";
            jobs = queueJobs.Where(j => NameMatches(pattern, j["jobName"]!.GetValue<string>()))
                .OrderByDescending(j => j["createdAt"]?.GetValue<long>() ?? 0);
            pageSize = FilteredPageSize;
        }
        else
        {
            jobs = queueJobs.Where(WithStatus(body));
            pageSize = StatusPageSize;
        }

        if (body["maxResults"]?.GetValue<int>() is { } maxResults)
        {
            if (maxResults < 1)
            {
                return Client("maxResults must be at least 1.");
            }

            pageSize = Math.Min(pageSize, maxResults);
        }

        var all = jobs.ToList();
        var start = 0;
        if (body["nextToken"]?.GetValue<string>() is { } token && !TryReadToken(token, out start))
        {
            return Client("The nextToken is not valid.");
        }

        var page = all.Skip(start).Take(pageSize).Select(j => (JsonNode)j.DeepClone()).ToArray();
        var answer = new JsonObject { ["jobSummaryList"] = new JsonArray(page) };
        if (start + page.Length < all.Count)
        {
            answer["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + (start + page.Length).ToString(CultureInfo.InvariantCulture)));
        }

        return FakeAnswer.Ok(answer);
    }

    /// <summary>JOB_NAME: case-insensitive; a value ending in '*' matches every name that begins with the rest.</summary>
    public static bool NameMatches(string pattern, string jobName)
        => pattern.EndsWith('*')
            ? jobName.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, jobName, StringComparison.OrdinalIgnoreCase);

    private static Func<JsonObject, bool> WithStatus(JsonObject body)
    {
        var status = body["jobStatus"]?.GetValue<string>() ?? "RUNNING";
        return job => job["status"]?.GetValue<string>() == status;
    }

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text["offset:".Length..], CultureInfo.InvariantCulture, out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static FakeAnswer Client(string message) => FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", message);
}
