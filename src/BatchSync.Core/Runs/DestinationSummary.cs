namespace BatchSync.Core.Runs;

/// <summary>Where the run lands its tables. <see cref="Type"/> "none" means stage only. Never holds credentials.</summary>
public sealed record DestinationSummary(string Type, string? Project = null, string? Dataset = null, string? Location = null)
{
    public const string None = "none";
    public const string BigQuery = "bigquery";

    public static DestinationSummary StageOnly { get; } = new(None);

    public bool IsStageOnly => Type == None;
}
