using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>datasets.get/insert and tables.get/insert/patch/delete.</summary>
internal sealed class DatasetAndTableHandlers(FakeBigQueryState state, ApiModel model, TimeProvider clock, MetadataRateLimiter rateLimiter)
{
    public FakeResponse GetDataset(FakeRequest request)
    {
        var location = state.DatasetLocation(request["projectId"], request["datasetId"]);
        return FakeResponse.Ok(DatasetJson(request["projectId"], request["datasetId"], location));
    }

    public FakeResponse InsertDataset(FakeRequest request)
    {
        var body = Validated(request, "Dataset");
        var projectId = body["datasetReference"]!["projectId"]?.GetValue<string>() ?? request["projectId"];
        var datasetId = body["datasetReference"]!["datasetId"]!.GetValue<string>();
        var location = body["location"]?.GetValue<string>() ?? "US";
        if (!state.Datasets.TryAdd($"{projectId}.{datasetId}", location))
        {
            throw GoogleErrorException.Duplicate($"Dataset {projectId}:{datasetId}");
        }

        return FakeResponse.Ok(DatasetJson(projectId, datasetId, location));
    }

    public FakeResponse GetTable(FakeRequest request)
    {
        state.DatasetLocation(request["projectId"], request["datasetId"]);
        return FakeResponse.Ok(Existing(request).ToJson());
    }

    public FakeResponse InsertTable(FakeRequest request)
    {
        var body = Validated(request, "Table");
        state.DatasetLocation(request["projectId"], request["datasetId"]);
        var table = TableResources.Create(body, request["projectId"], request["datasetId"], clock.GetUtcNow());
        if (!state.Tables.TryAdd(table.Key, table))
        {
            throw GoogleErrorException.Duplicate($"Table {table.ProjectId}:{table.DatasetId}.{table.TableName}");
        }

        return FakeResponse.Ok(table.ToJson());
    }

    public FakeResponse PatchTable(FakeRequest request)
    {
        var body = model.Validate(request.Json(), "Table", checkRequired: false) is { Count: > 0 } problems
            ? throw GoogleErrorException.Invalid(string.Join("; ", problems))
            : request.Json()!.AsObject();
        var table = Existing(request);
        rateLimiter.Record(table.Key);
        foreach (var (name, value) in body)
        {
            switch (name)
            {
                case "schema":
                    TableResources.ApplySchemaPatch(table, value!);
                    break;
                case "description":
                    table.Description = value?.GetValue<string>();
                    break;
                case "expirationTime":
                    table.ExpirationTime = value?.ToString();
                    break;
                case "tableReference":
                    break;
                case "timePartitioning" or "rangePartitioning" or "clustering":
                    throw GoogleErrorException.Invalid($"The fake does not change {name} of an existing table; BatchSync sets it at creation.");
                default:
                    throw GoogleErrorException.Invalid($"The fake does not patch {name}.");
            }
        }

        return FakeResponse.Ok(table.ToJson());
    }

    public FakeResponse DeleteTable(FakeRequest request)
    {
        var table = Existing(request);
        state.Tables.Remove(table.Key);
        return new FakeResponse(204);
    }

    private FakeTable Existing(FakeRequest request) =>
        state.Table(request["projectId"], request["datasetId"], request["tableId"])
        ?? throw GoogleErrorException.NotFound($"Table {request["projectId"]}:{request["datasetId"]}.{request["tableId"]}");

    private JsonObject Validated(FakeRequest request, string schema)
    {
        var body = request.Json() ?? throw GoogleErrorException.Invalid("A request body is required.");
        var problems = model.Validate(body, schema, checkRequired: true);
        return problems.Count > 0 ? throw GoogleErrorException.Invalid("Invalid request: " + string.Join("; ", problems)) : body.AsObject();
    }

    private static JsonObject DatasetJson(string projectId, string datasetId, string location) => new()
    {
        ["kind"] = "bigquery#dataset",
        ["id"] = $"{projectId}:{datasetId}",
        ["datasetReference"] = new JsonObject { ["projectId"] = projectId, ["datasetId"] = datasetId },
        ["location"] = location,
    };
}
