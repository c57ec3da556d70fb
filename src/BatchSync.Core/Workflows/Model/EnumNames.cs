namespace BatchSync.Core.Workflows.Model;

/// <summary>The spellings the workflow file uses for each enum, in the order the docs list them.</summary>
public static class EnumNames
{
    public static readonly IReadOnlyDictionary<string, LoadMode> LoadModes = new Dictionary<string, LoadMode>
    {
        ["replace"] = LoadMode.Replace,
        ["append"] = LoadMode.Append,
        ["merge"] = LoadMode.Merge,
        ["delete_in_advance"] = LoadMode.DeleteInAdvance,
    };

    public static readonly IReadOnlyDictionary<string, TlsMode> TlsModes = new Dictionary<string, TlsMode>
    {
        ["disabled"] = TlsMode.Disabled,
        ["preferred"] = TlsMode.Preferred,
        ["required"] = TlsMode.Required,
        ["verify-ca"] = TlsMode.VerifyCa,
        ["verify-full"] = TlsMode.VerifyFull,
    };

    public static readonly IReadOnlyDictionary<string, ZeroDatePolicy> ZeroDatePolicies = new Dictionary<string, ZeroDatePolicy>
    {
        ["null"] = ZeroDatePolicy.Null,
        ["fail"] = ZeroDatePolicy.Fail,
    };

    public static readonly IReadOnlyDictionary<string, DateTimeHandling> DateTimeHandlings = new Dictionary<string, DateTimeHandling>
    {
        ["datetime"] = DateTimeHandling.DateTime,
        ["timestamp"] = DateTimeHandling.Timestamp,
    };

    public static readonly IReadOnlyDictionary<string, Schema.TypeProfile> TypeProfiles = new Dictionary<string, Schema.TypeProfile>
    {
        ["batchsync"] = Schema.TypeProfile.BatchSync,
        ["embulk"] = Schema.TypeProfile.Embulk,
    };

    public static readonly IReadOnlyDictionary<string, DestinationType> DestinationTypes = new Dictionary<string, DestinationType>
    {
        ["bigquery"] = DestinationType.BigQuery,
        ["duckdb"] = DestinationType.DuckDb,
        ["none"] = DestinationType.None,
    };

    public static readonly IReadOnlyDictionary<string, TimePartitionType> TimePartitionTypes = new Dictionary<string, TimePartitionType>
    {
        ["HOUR"] = TimePartitionType.Hour,
        ["DAY"] = TimePartitionType.Day,
        ["MONTH"] = TimePartitionType.Month,
        ["YEAR"] = TimePartitionType.Year,
    };

    public static readonly IReadOnlyDictionary<string, NotifyEvent> NotifyEvents = new Dictionary<string, NotifyEvent>
    {
        ["failure"] = NotifyEvent.Failure,
        ["success"] = NotifyEvent.Success,
    };
}
