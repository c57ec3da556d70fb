namespace BatchSync.Core.Workflows.Model;

public enum TimePartitionType
{
    Hour,
    Day,
    Month,
    Year,
}
