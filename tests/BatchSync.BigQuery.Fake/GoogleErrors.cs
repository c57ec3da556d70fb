using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>An error the fake answers with, in Google's JSON error envelope.</summary>
internal sealed class GoogleErrorException(int status, string reason, string message, string? location = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;

    public string? ErrorLocation { get; } = location;

    public static GoogleErrorException Invalid(string message) => new(400, "invalid", message);

    public static GoogleErrorException NotFound(string message) => new(404, "notFound", $"Not found: {message}");

    public static GoogleErrorException Duplicate(string message) => new(409, "duplicate", $"Already Exists: {message}");

    public JsonObject ToJson()
    {
        var error = new JsonObject { ["domain"] = "global", ["reason"] = Reason, ["message"] = Message };
        if (ErrorLocation is not null)
        {
            error["location"] = ErrorLocation;
        }

        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = Status,
                ["message"] = Message,
                ["errors"] = new JsonArray(error),
                ["status"] = Status switch
                {
                    400 => "INVALID_ARGUMENT",
                    401 => "UNAUTHENTICATED",
                    403 => "PERMISSION_DENIED",
                    404 => "NOT_FOUND",
                    409 => "ALREADY_EXISTS",
                    429 => "RESOURCE_EXHAUSTED",
                    503 => "UNAVAILABLE",
                    _ => "INTERNAL",
                },
            },
        };
    }
}

/// <summary>A job failure the fake records in the job's status (errorResult + errors), as BigQuery does.</summary>
internal sealed class JobFailedException(string reason, string message, IReadOnlyList<JsonObject> errors) : Exception(message)
{
    public string Reason { get; } = reason;

    public IReadOnlyList<JsonObject> Errors { get; } = errors;

    public static JobFailedException Single(string reason, string message, string? location = null)
    {
        var error = new JsonObject { ["reason"] = reason, ["message"] = message };
        if (location is not null)
        {
            error["location"] = location;
        }

        return new JobFailedException(reason, message, [error]);
    }
}
