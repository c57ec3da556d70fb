namespace BatchSync.Infra.Workflows;

/// <summary>A workflow file with a <c>schedule</c>: one EventBridge rule submits its run job.</summary>
/// <param name="Name">The workflow's name (its <c>name</c> key, or the file name without extension).</param>
/// <param name="Argument">What <c>batchsync run</c> is given to find the file inside the image: the file name without extension.</param>
/// <param name="Schedule">The EventBridge schedule expression, e.g. <c>cron(0 18 * * ? *)</c> (UTC).</param>
public sealed record ScheduledWorkflow(string Name, string Argument, string Schedule);
