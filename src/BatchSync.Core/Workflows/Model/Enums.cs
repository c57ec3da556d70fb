namespace BatchSync.Core.Workflows.Model;

/// <summary>How a table's rows land in the destination (docs/workflow-reference.md, "mode").</summary>
public enum LoadMode
{
    Replace,
    Append,
    Merge,
    DeleteInAdvance,
}

/// <summary>TLS towards the source, in the vocabulary of the MySQL client's --ssl-mode.</summary>
public enum TlsMode
{
    Disabled,
    Preferred,
    Required,
    VerifyCa,
    VerifyFull,
}

/// <summary>What a zero or partial-zero date (0000-00-00, 2020-00-10) becomes.</summary>
public enum ZeroDatePolicy
{
    Null,
    Fail,
}

/// <summary>How MySQL DATETIME columns are written.</summary>
public enum DateTimeHandling
{
    /// <summary>BigQuery DATETIME, the wall-clock value unchanged.</summary>
    DateTime,

    /// <summary>BigQuery TIMESTAMP, converted from source.timezone.</summary>
    Timestamp,
}

public enum DestinationType
{
    /// <summary>Stop after staging; the run says so.</summary>
    None,
    BigQuery,
}

public enum TimePartitionType
{
    Hour,
    Day,
    Month,
    Year,
}

public enum NotifyEvent
{
    Failure,
    Success,
}
