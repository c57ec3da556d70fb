using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchSync.Aws.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// A strict stand-in for the BigQuery REST v2 API on 127.0.0.1: it checks the bearer token, the query parameters
/// and every JSON body against the Discovery model, and keeps tables, rows and jobs in memory.
/// </summary>
internal sealed class FakeBigQueryServer : IAsyncDisposable
{
    private static readonly HashSet<string> SystemParameters = ["alt", "fields", "prettyPrint", "quotaUser"];

    private readonly WebApplication _app;
    private readonly ApiModel _model = ApiModel.Load();
    private readonly List<Route> _routes;
    private readonly UploadHandlers _uploads;

    private FakeBigQueryServer(WebApplication app)
    {
        _app = app;
        var tables = new DatasetAndTableHandlers(State, _model, Clock, new MetadataRateLimiter(Clock));
        var jobs = new JobHandlers(State, _model, Clock, Options, Faults);
        _uploads = new UploadHandlers(jobs, Faults);
        _routes =
        [
            new("GET", "datasets.get", false, tables.GetDataset),
            new("POST", "datasets.insert", false, tables.InsertDataset),
            new("GET", "tables.get", false, tables.GetTable),
            new("POST", "tables.insert", false, tables.InsertTable),
            new("PATCH", "tables.patch", false, tables.PatchTable),
            new("DELETE", "tables.delete", false, tables.DeleteTable),
            new("GET", "jobs.get", false, jobs.Get),
            new("POST", "jobs.insert", false, jobs.Insert),
            new("POST", "jobs.insert", true, request => _uploads.Start(request, BaseUri)),
            new("PUT", "jobs.insert", true, _uploads.Put),
        ];
    }

    public const string Token = "fake-token-7c1f";

    /// <summary>Whether a bearer token is one this instance accepts.</summary>
    private Func<string, bool> AcceptsToken { get; init; } = token => token == Token;

    public Uri BaseUri { get; private set; } = null!;

    public FakeClock Clock { get; } = new();

    public FaultInjector Faults { get; } = new();

    public FakeBigQueryOptions Options { get; } = new();

    internal FakeBigQueryState State { get; } = new();

    /// <summary>Every request as "METHOD path?query", in order.</summary>
    public List<string> Requests { get; } = [];

    public int UploadChunksReceived => _uploads.ChunksReceived;

    /// <summary>
    /// Called with each request ("METHOD path" and its body) after the fake acted on it and before it answers: a test
    /// can kill the client there, so the client dies with the effect done and no answer seen.
    /// </summary>
    public Action<string, string>? AfterEachRequest { get; set; }

    /// <param name="acceptedToken">The bearer token requests must carry (default <see cref="Token"/>).</param>
    public static Task<FakeBigQueryServer> StartAsync(string acceptedToken = Token) => StartAsync(token => token == acceptedToken);

    /// <param name="acceptsToken">Whether a bearer token is valid (e.g. issued by a fake token service and unexpired).</param>
    public static async Task<FakeBigQueryServer> StartAsync(Func<string, bool> acceptsToken)
    {
        var (server, root) = await LoopbackWebServer.StartAsync(app => new FakeBigQueryServer(app) { AcceptsToken = acceptsToken }, s => s.HandleAsync);
        server.BaseUri = new Uri(root + "/");
        return server;
    }

    public void AddDataset(string projectId, string datasetId, string location)
    {
        lock (State.Sync)
        {
            State.Datasets[$"{projectId}.{datasetId}"] = location;
        }
    }

    public FakeTable? Table(string projectId, string datasetId, string tableName)
    {
        lock (State.Sync)
        {
            return State.Table(projectId, datasetId, tableName);
        }
    }

    /// <summary>The rows of a table, each as column → canonical text (null for NULL).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string projectId, string datasetId, string tableName)
    {
        lock (State.Sync)
        {
            var table = State.Table(projectId, datasetId, tableName) ?? throw new InvalidOperationException($"No table {tableName}.");
            return table.Rows.Select(row => row.Values).ToList();
        }
    }

    /// <summary>The configuration a job was inserted with.</summary>
    public JsonObject JobConfiguration(string jobId)
    {
        lock (State.Sync)
        {
            return State.Jobs.Values.Single(job => job.Resource["jobReference"]!["jobId"]!.GetValue<string>() == jobId).Resource["configuration"]!.DeepClone().AsObject();
        }
    }

    /// <summary>Load jobs into the table (project.dataset.table) held RUNNING now, and the most held at once so far.</summary>
    public (int Now, int Most) HeldLoadJobs(string table)
    {
        lock (State.Sync)
        {
            return (State.HeldLoadJobs(table), State.MaxHeldLoadJobs.GetValueOrDefault(table));
        }
    }

    /// <summary>Lets every held load job finish: jobs.get reports them DONE from now on.</summary>
    public void ReleaseLoadJobs()
    {
        lock (State.Sync)
        {
            foreach (var job in State.Jobs.Values)
            {
                job.HeldFor = null;
            }
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        FakeResponse? response;
        try
        {
            lock (State.Sync)
            {
                response = Dispatch(context, buffer.ToArray());
            }
        }
        catch (GoogleErrorException ex)
        {
            response = new FakeResponse(ex.Status, ex.ToJson());
        }

        AfterEachRequest?.Invoke($"{context.Request.Method} {context.Request.Path}", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        if (response is null)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=UTF-8";
            await context.Response.WriteAsync(response.Body.ToJsonString());
        }
    }

    private FakeResponse? Dispatch(HttpContext context, byte[] body)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        Requests.Add($"{method} {path}{context.Request.QueryString}");
        if (Faults.Take(method, path) is { } fault)
        {
            throw new GoogleErrorException(fault.Status, fault.Reason, $"Injected fault: {fault.Reason}");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !AcceptsToken(authorization["Bearer ".Length..]))
        {
            throw new GoogleErrorException(401, "required", "Request is missing required authentication credential. Expected OAuth 2 access token.");
        }

        foreach (var route in _routes.Where(candidate => candidate.Method == method))
        {
            var spec = _model.Methods[route.ModelMethod];
            var template = route.Upload ? spec["uploadPath"]!.GetValue<string>() : spec["path"]!.GetValue<string>();
            var match = PathRegex(template).Match(path);
            if (!match.Success)
            {
                continue;
            }

            CheckQuery(context, spec, route.Upload);
            var values = PathRegex(template).GetGroupNames().Where(name => !int.TryParse(name, out _)).ToDictionary(name => name, name => Uri.UnescapeDataString(match.Groups[name].Value));
            return route.Handle(new FakeRequest(context, values, body));
        }

        throw new GoogleErrorException(404, "notFound", $"The fake has no method for {method} {path}.");
    }

    private static void CheckQuery(HttpContext context, JsonNode spec, bool upload)
    {
        var allowed = spec["query"]!.AsArray().Select(name => name!.GetValue<string>()).Concat(SystemParameters).ToHashSet();
        if (upload)
        {
            allowed.UnionWith(["uploadType", "upload_id"]);
        }

        foreach (var name in context.Request.Query.Keys.Where(name => !allowed.Contains(name)))
        {
            throw GoogleErrorException.Invalid($"Invalid JSON payload received. Unknown name \"{name}\": Cannot bind query parameter.");
        }
    }

    private static Regex PathRegex(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{(\w+)}", "(?<$1>[^/]+)") + "$");

    private sealed record Route(string Method, string ModelMethod, bool Upload, Func<FakeRequest, FakeResponse?> Handle);
}
