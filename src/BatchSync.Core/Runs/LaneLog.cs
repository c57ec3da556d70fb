namespace BatchSync.Core.Runs;

/// <summary>Where one lane's log lines can be read (on AWS, a CloudWatch Logs console link).</summary>
public sealed record LaneLog(int Lane, string Url);
