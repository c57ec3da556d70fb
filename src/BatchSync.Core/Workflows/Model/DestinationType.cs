namespace BatchSync.Core.Workflows.Model;

public enum DestinationType
{
    /// <summary>Stop after staging; the run says so.</summary>
    None,
    BigQuery,
}
