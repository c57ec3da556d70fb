using System.Text.Json;

namespace BatchSync.Aws.Batch;

/// <summary>
/// Written to <c>runs/&lt;workflow&gt;/&lt;run-id&gt;/launch.json</c> right after submitting, so a retried parent re-attaches
/// to the array job it already started instead of starting another.
/// </summary>
public sealed record BatchLaunchRecord(string JobId, string JobName, int Lanes, int Submission, DateTimeOffset SubmittedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BatchLaunchRecord? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<BatchLaunchRecord>(json, Json);
}
