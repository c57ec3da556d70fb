namespace BatchSync.MySql.Csv;

/// <summary>What to do with MySQL's zero and partial-zero dates (<c>0000-00-00</c>, <c>2020-00-10</c>), which BigQuery cannot hold.</summary>
public enum ZeroDatePolicy
{
    /// <summary>Write NULL.</summary>
    Null,

    /// <summary>Fail the export, naming table, column and row.</summary>
    Fail,
}
