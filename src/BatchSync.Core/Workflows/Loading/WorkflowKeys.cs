namespace BatchSync.Core.Workflows.Loading;

/// <summary>The keys allowed at each level of a workflow file (docs/workflow-reference.md documents each).</summary>
internal static class WorkflowKeys
{
    public static readonly string[] TopLevel = ["name", "schedule", "timezone", "source", "staging", "destination", "defaults", "notify", "tables"];
    public static readonly string[] Source = ["connection", "host", "port", "user", "password", "database", "tls", "ca_bundle", "iam_auth", "allow_public_key_retrieval", "server_public_key", "timezone", "max_connections", "read_timeout"];
    public static readonly string[] Staging = ["uri", "kms_key_id", "part_size_mb"];
    public static readonly string[] Destination = ["type", "project", "dataset", "location", "credentials", "endpoint", "path"];
    public static readonly string[] Defaults = ["mode", "zero_dates", "datetime", "types", "recreate_on_type_change", "parallelism", "retries"];
    public static readonly string[] Notify = ["slack"];
    public static readonly string[] Slack = ["webhook", "on", "mention"];
    public static readonly string[] Include = ["include"];

    public static readonly string[] Table =
    [
        "table", "database", "out_table", "dataset", "select", "where", "mode", "key", "delete_missing", "incremental", "partition",
        "cluster", "chunk", "columns", "zero_dates", "datetime", "types", "recreate_on_type_change", "parallelism", "retries",
    ];

    public static readonly string[] Incremental = ["column", "lookback"];
    public static readonly string[] Partition = ["column", "type", "range"];
    public static readonly string[] Chunk = ["rows"];
    public static readonly string[] Column = ["type", "name"];

    /// <summary>
    /// Keys that embulk table lists carry but BatchSync does not read, with what to use instead. Included lists keep
    /// working with a warning instead of failing on them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EmbulkOnly = new Dictionary<string, string>
    {
        ["column_options"] = "use columns: {name: {type: ...}}",
        ["incremental_columns"] = "use incremental: {column: ...}",
        ["last_record"] = "incremental watermarks are kept in staging state",
        ["order_by"] = "rows are read in primary-key order when chunked",
        ["fetch_rows"] = "rows are streamed",
        ["auto_create_table"] = "destination tables are always created as needed",
        ["schema_file"] = "the schema comes from the source; use columns: to override types",
        ["template_table"] = "the schema comes from the source; use columns: to override types",
        ["time_partitioning"] = "use partition: {column: ..., type: DAY}",
        ["clustering"] = "use cluster: [...]",
        ["default_timezone"] = "use source.timezone and datetime: timestamp",
        ["options"] = "connection options are set on source",
        ["comment"] = "comments are not used",
        ["description"] = "descriptions are not used",
    };
}
