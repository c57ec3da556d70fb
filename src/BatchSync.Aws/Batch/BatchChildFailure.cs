namespace BatchSync.Aws.Batch;

/// <summary>One array child that failed, with what Batch says about why (exit code, reason, log stream).</summary>
public sealed record BatchChildFailure(int Lane, string JobId, string? StatusReason, int? ExitCode, string? LogStream)
{
    public override string ToString()
    {
        var why = StatusReason ?? "no reason given";
        var exit = ExitCode is { } code ? $", exit code {code}" : string.Empty;
        var log = LogStream is null ? string.Empty : $" (logs: {LogStream})";
        return $"Lane {Lane} ({JobId}) failed: {why}{exit}{log}";
    }
}
