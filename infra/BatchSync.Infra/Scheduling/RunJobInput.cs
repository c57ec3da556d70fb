using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchSync.Infra.Scheduling;

/// <summary>
/// The input transformer that turns a scheduled event into the run job's submission. The run id is the event's
/// <c>time</c>: a delivery EventBridge retries carries the same event, so it resumes the same run instead of starting
/// a second one.
/// </summary>
public static class RunJobInput
{
    /// <summary>The input-path variable holding the event time.</summary>
    public const string TimeVariable = "time";

    /// <summary>Where the event time is read from.</summary>
    public const string TimePath = "$.time";

    /// <summary>
    /// The SubmitJob members EventBridge sends: the job definition's <c>workflow</c> parameter, and the command with
    /// <c>--run-id</c> (the command override takes precedence; the parameter keeps a submission without it runnable).
    /// </summary>
    public static string Template(string workflowArgument)
    {
        var template = new JsonObject
        {
            ["Parameters"] = new JsonObject { ["workflow"] = workflowArgument },
            ["ContainerOverrides"] = new JsonObject
            {
                ["Command"] = new JsonArray("run", workflowArgument, "--run-id", Placeholder),
            },
        };
        // The placeholder sits inside a JSON string, so EventBridge substitutes the bare time text there. The default
        // encoder would write '<' and '>' as \u003C and \u003E, which EventBridge would not recognise as a placeholder.
        return template.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Placeholder => $"<{TimeVariable}>";
}
