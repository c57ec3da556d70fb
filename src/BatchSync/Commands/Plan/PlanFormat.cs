namespace BatchSync.Commands.Plan;

/// <summary>How <c>batchsync plan</c> prints: a summary, the summary with every table and lane, or the manifest as JSON.</summary>
internal enum PlanFormat
{
    Summary,
    Verbose,
    Json,
}
