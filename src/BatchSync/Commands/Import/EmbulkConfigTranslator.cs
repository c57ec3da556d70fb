using System.Globalization;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Commands.Import;

/// <summary>
/// Carries one embulk config (embulk-input-mysql → embulk-output-bigquery), rendered for one table, into the
/// draft: the connection into <c>source</c> (references only, never a literal password), the BigQuery side into
/// <c>destination</c>, and the table with its select, where, mode, out_table template and column types.
/// What has no equivalent is reported with its line and what to do.
/// </summary>
internal sealed class EmbulkConfigTranslator(WorkflowDraft draft, ImportFindings findings, string workflowName)
{
    private static readonly HashSet<string> InputKeys =
    [
        "type", "host", "port", "user", "password", "database", "table", "select", "where", "ssl", "column_options",
        "default_timezone", "fetch_rows", "connect_timeout", "socket_timeout", "options", "order_by", "incremental",
        "incremental_columns", "last_record", "query", "use_legacy_datetime_code", "driver_path",
    ];

    private static readonly HashSet<string> OutputKeys =
    [
        "type", "mode", "auth_method", "json_keyfile", "project", "destination_project", "dataset", "location", "table",
        "auto_create_table", "auto_create_dataset", "column_options", "default_timezone", "default_timestamp_format",
        "time_partitioning", "clustering", "schema_file", "template_table",
    ];

    /// <summary>embulk-output-bigquery options that only tune how embulk wrote and sent files: nothing to carry over.</summary>
    private static readonly HashSet<string> OutputTuning =
    [
        "compression", "source_format", "gcs_bucket", "auto_create_gcs_bucket", "path_prefix", "file_ext", "sequence_format",
        "delete_from_local_when_job_end", "allow_quoted_newlines", "encoding", "field_delimiter", "max_bad_records",
        "ignore_unknown_values", "is_skip_job_result_check", "with_rehearsal", "rehearsal_counts", "abort_on_error",
        "progress_log_interval", "timeout_sec", "open_timeout_sec", "send_timeout_sec", "read_timeout_sec", "retries",
        "application_name", "job_status_max_polling_time", "job_status_polling_interval", "payload_column",
        "payload_column_index", "description",
    ];

    /// <param name="config">The embulk config (liquid already rewritten into <c>${…}</c> expressions).</param>
    /// <param name="scope">The variables of the digdag task (or of the table list entry) that rendered it.</param>
    /// <param name="listEntry">A table list entry (<c>--tables</c>): its keys are table settings in the embulk list shape.</param>
    public void Translate(ConfigMap config, TemplateScope scope, ConfigMap? listEntry = null)
    {
        if (config.Find("in")?.Value is not ConfigMap input || config.Find("out")?.Value is not ConfigMap output)
        {
            findings.Add(config.Location, "the config has no in: and out: sections", "import an embulk config (in: mysql, out: bigquery)");
            return;
        }

        if (Scalar(input, "type") != "mysql" || Scalar(output, "type") != "bigquery")
        {
            findings.Add(config.Location, $"in: {Scalar(input, "type")} → out: {Scalar(output, "type")} is not a MySQL → BigQuery job", "BatchSync copies MySQL/MariaDB tables into BigQuery; keep this job in embulk");
            return;
        }

        var tableExpression = WholeExpression(input.Find("table")?.Value);
        var table = TableName(input, scope, listEntry);
        if (table is null)
        {
            return;
        }

        if (!TranslateSource(input, scope))
        {
            return;
        }

        TranslateDestination(output, scope);
        var entry = new OrderedDictionary<string, object> { ["table"] = table };
        TranslateInputTable(input, scope, entry);
        TranslateOutputTable(output, scope, tableExpression, table, entry);
        ApplyListEntry(listEntry, scope, entry);
        ReportOtherKeys(input, "in", InputKeys);
        ReportOtherKeys(output, "out", OutputKeys);
        draft.Tables.Add(entry);
    }

    private string? TableName(ConfigMap input, TemplateScope scope, ConfigMap? listEntry)
    {
        if (input.Find("query") is { } query)
        {
            findings.Add(query.Key.Location, "in.query: BatchSync reads tables, not raw SQL", "use table: with select: and where:, or create a view and read it");
            return null;
        }

        if (listEntry?.Find("table")?.Value is ConfigScalar listed && !string.IsNullOrWhiteSpace(listed.Value))
        {
            return listed.Value;
        }

        if (input.Find("table") is not { Value: ConfigScalar table } entry)
        {
            findings.Add(input.Location, "in.table is missing", "name the table in the config or give --tables LIST.json");
            return null;
        }

        switch (scope.Evaluate(table.Value))
        {
            case TemplateValue.Text { Value: var name } when !name.Contains('{', StringComparison.Ordinal):
                return name;
            case TemplateValue.Untranslatable { Reason: var reason }:
                findings.Add(entry.Key.Location, $"in.table '{table.Value}': {reason}", "give the table list with --tables LIST.json");
                return null;
            default:
                findings.Add(entry.Key.Location, $"in.table '{table.Value}' depends on the environment", "give the table list with --tables LIST.json");
                return null;
        }
    }

    private bool TranslateSource(ConfigMap input, TemplateScope scope)
    {
        foreach (var key in new[] { "host", "port", "user" })
        {
            if (input.Find(key) is not { } entry || Reference(entry, scope, $"in.{key}") is not { } value)
            {
                continue;
            }

            object typed = key == "port" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : value;
            if (draft.Source.TryGetValue(key, out var existing) && !Equals(existing, typed))
            {
                findings.Add(entry.Key.Location, $"in.{key} '{value}' differs from '{existing}' of the tables imported before",
                    "a workflow reads one MySQL server: import this config into a workflow of its own (batchsync import … --out other.yml)");
                return false;
            }

            draft.Source[key] = typed;
        }

        TranslatePassword(input, scope);
        TranslateTls(input);
        if (input.Find("database") is { } database && Reference(database, scope, "in.database") is { } name)
        {
            draft.Source.TryAdd("database", name);
        }

        return true;
    }

    private void TranslatePassword(ConfigMap input, TemplateScope scope)
    {
        if (draft.Source.ContainsKey("password") || input.Find("password") is not { Value: ConfigScalar password } entry || password.Value.Length == 0)
        {
            return;
        }

        if (scope.Evaluate(password.Value) is TemplateValue.Environment { Name: var variable })
        {
            draft.Source["password"] = $"env:{variable}";
            findings.Note($"source.password comes from the environment variable {variable}; on AWS prefer a Secrets Manager secret (secret:<id>#password).");
            return;
        }

        // Whatever else it is (a literal, a digdag secret), the value is never copied into the workflow.
        var secret = $"secret:batchsync/{workflowName}/mysql#password";
        draft.Source["password"] = secret;
        findings.Add(entry.Key.Location, "in.password is not an environment variable (its value was not copied)",
            $"store the password in AWS Secrets Manager as batchsync/{workflowName}/mysql (a JSON object with a \"password\" field), or change source.password to env:NAME");
    }

    private void TranslateTls(ConfigMap input)
    {
        if (draft.Source.ContainsKey("tls"))
        {
            return;
        }

        var ssl = input.Find("ssl");
        switch (Scalar(input, "ssl"))
        {
            case "enable" or "true":
                draft.Source["tls"] = "required";
                findings.Note("in.ssl: enable encrypted without checking the server certificate; tls: required does the same. Prefer verify-full with a CA bundle.");
                break;
            case "verify":
                draft.Source["tls"] = "verify-full";
                findings.Add(ssl!.Key.Location, "in.ssl: verify checked the server certificate with the JVM's trust store",
                    "tls: verify-full also checks the host name; set source.ca_bundle to your CA bundle (for RDS, the RDS global bundle)");
                break;
            default:
                draft.Source["tls"] = "preferred";
                findings.Note("embulk connected without TLS (in.ssl: disable, its default); tls: preferred encrypts when the server offers it. Prefer verify-full with a CA bundle.");
                break;
        }
    }

    private void TranslateDestination(ConfigMap output, TemplateScope scope)
    {
        draft.Destination.TryAdd("type", "bigquery");
        var project = output.Find("destination_project") ?? output.Find("project");
        if (project is not null && Reference(project, scope, $"out.{project.Key.Value}") is { } projectId)
        {
            draft.Destination.TryAdd("project", projectId);
            if (output.Find("destination_project") is not null && output.Find("project") is { } billing)
            {
                findings.Add(billing.Key.Location, "out.project (the billing project) differs from destination_project",
                    "BatchSync runs its jobs in destination.project; grant the job's identity BigQuery Job User there");
            }
        }
        else if (!draft.Destination.ContainsKey("project"))
        {
            findings.Add(output.Location, "out.project is not set (embulk took it from the key file)", "set destination.project to the project that holds the dataset");
            draft.Destination["project"] = "set-your-project";
        }

        if (output.Find("dataset") is { } dataset && Reference(dataset, scope, "out.dataset") is { } datasetId)
        {
            draft.Destination.TryAdd("dataset", datasetId);
        }

        if (output.Find("location") is { } location && Reference(location, scope, "out.location") is { } region)
        {
            draft.Destination.TryAdd("location", region);
        }
        else if (!draft.Destination.ContainsKey("location"))
        {
            draft.Destination["location"] = "US";
            findings.Add(output.Location, "out.location is not set (BigQuery used the dataset's location)", "set destination.location to the dataset's location (US, EU, asia-northeast1, …)");
        }

        TranslateCredentials(output);
    }

    private void TranslateCredentials(ConfigMap output)
    {
        if (draft.Destination.ContainsKey("credentials"))
        {
            return;
        }

        var method = Scalar(output, "auth_method") ?? "application_default";
        var keyFile = output.Find("json_keyfile");
        if (keyFile is not null || method is "json_key" or "service_account")
        {
            var secret = $"secret:batchsync/{workflowName}/bigquery";
            draft.Destination["credentials"] = secret;
            var where = keyFile is { Value: ConfigScalar path } ? $"the key file {path.Value}" : "the service-account key";
            findings.Add((keyFile?.Key ?? output.Find("auth_method")!.Key).Location, $"out.json_keyfile: {where} is not read by BatchSync",
                $"store the key's JSON in AWS Secrets Manager as batchsync/{workflowName}/bigquery (or a workload identity federation config, with no key at all)");
            return;
        }

        findings.Add(output.Find("auth_method")?.Key.Location ?? output.Location, $"out.auth_method {method} used the machine's Google credentials",
            "on AWS there are none: set destination.credentials to a secret holding a service-account key or a workload identity federation config");
    }

    private void TranslateInputTable(ConfigMap input, TemplateScope scope, OrderedDictionary<string, object> entry)
    {
        if (input.Find("database") is { } database && Reference(database, scope, "in.database") is { } name
            && !Equals(draft.Source.GetValueOrDefault("database"), name))
        {
            entry["database"] = name;
        }

        if (input.Find("select") is { } select && Reference(select, scope, "in.select", tableSetting: true) is { } columns && columns.Trim() != "*" && columns.Length > 0)
        {
            entry["select"] = columns;
        }

        if (input.Find("where") is { } where && Reference(where, scope, "in.where", tableSetting: true) is { } filter)
        {
            SetWhere(entry, filter);
        }

        if (input.Find("column_options") is { Value: ConfigMap options })
        {
            foreach (var option in options.Entries)
            {
                TranslateInputColumn(option, entry);
            }
        }

        if (input.Find("incremental") is { Value: ConfigScalar { Value: "true" } } incremental)
        {
            findings.Add(incremental.Key.Location, "in.incremental: true (with last_record kept by embulk)",
                "use incremental: {column: <the column>} with mode: append or merge; BatchSync keeps the watermark itself");
        }

        if (input.Find("default_timezone") is { } zone)
        {
            findings.Note($"in.default_timezone ({(zone.Value as ConfigScalar)?.Value}) only formatted columns embulk turned into strings; DATETIME values were read in the MySQL server's time zone, which source.timezone names.");
        }
    }

    private void SetWhere(OrderedDictionary<string, object> entry, string filter)
    {
        if (filter.Replace(" ", "", StringComparison.Ordinal) is "" or "1=1")
        {
            entry.Remove("where");
            return;
        }

        entry["where"] = filter;
    }

    private void TranslateInputColumn(ConfigEntry option, OrderedDictionary<string, object> entry)
    {
        var settings = option.Value as ConfigMap;
        var valueType = settings?.Find("value_type")?.Value as ConfigScalar;
        var type = settings?.Find("type")?.Value as ConfigScalar;
        if (valueType?.Value == "string" || type?.Value == "string")
        {
            Column(entry, option.Key.Value)["type"] = "STRING";
            return;
        }

        findings.Add(option.Key.Location, $"in.column_options.{option.Key.Value} has no equivalent", $"set columns: {{{option.Key.Value}: {{type: …}}}} to the BigQuery type you need");
    }

    private void TranslateOutputTable(ConfigMap output, TemplateScope scope, string? tableExpression, string table, OrderedDictionary<string, object> entry)
    {
        if (Scalar(output, "mode") is var mode)
        {
            TranslateMode(output, mode ?? "append", entry);
        }

        if (output.Find("dataset") is { } dataset && Reference(dataset, scope, "out.dataset") is { } datasetId
            && !Equals(draft.Destination.GetValueOrDefault("dataset"), datasetId))
        {
            entry["dataset"] = datasetId;
        }

        if (output.Find("table") is { Value: ConfigScalar outTable } outEntry)
        {
            switch (scope.Evaluate(outTable.Value, tableExpression))
            {
                case TemplateValue.Text { Value: var name }:
                    var rendered = StrftimeFormat.HasDirectives(name) ? StrftimeFormat.ToPlaceholders(name) : name;
                    if (rendered is null)
                    {
                        findings.Add(outEntry.Key.Location, $"out.table '{outTable.Value}' uses a date format without an equivalent", "write out_table with {run_date:yyyyMMdd}-style placeholders");
                    }
                    else if (rendered != table && rendered != "{table}")
                    {
                        entry["out_table"] = rendered;
                        if (StrftimeFormat.HasDirectives(name))
                        {
                            findings.Note("out.table's strftime date was the embulk host's clock at run time; {run_date} is the scheduled day (or --run-date), so a late or repeated run writes the same shard.");
                        }
                    }

                    break;
                case TemplateValue.Untranslatable { Reason: var reason }:
                    findings.Add(outEntry.Key.Location, $"out.table '{outTable.Value}': {reason}", "set out_table by hand");
                    break;
                case TemplateValue.Environment { Name: var variable }:
                    findings.Add(outEntry.Key.Location, $"out.table comes from the environment variable {variable}", "set out_table by hand, or give out_table in the --tables list");
                    break;
            }
        }

        if (output.Find("column_options") is { Value: ConfigSequence columns })
        {
            foreach (var column in columns.Items.OfType<ConfigMap>())
            {
                TranslateOutputColumn(column, entry);
            }
        }

        TranslateLayout(output, entry);
        if ((output.Find("schema_file") ?? output.Find("template_table")) is { } schema)
        {
            findings.Add(schema.Key.Location, $"out.{schema.Key.Value}: the schema came from a file or template table",
                "the schema now comes from the source (types: embulk for embulk's own guesses); give columns: types where the file said otherwise");
        }

        if (output.Find("default_timezone") is { } zone)
        {
            findings.Note($"out.default_timezone ({(zone.Value as ConfigScalar)?.Value}) applied only to column_options converting timestamps to DATE, DATETIME, TIME or STRING.");
        }
    }

    private void TranslateMode(ConfigMap output, string mode, OrderedDictionary<string, object> entry)
    {
        var location = output.Find("mode")?.Key.Location ?? output.Location;
        var mapped = mode switch
        {
            "append" or "append_direct" => "append",
            "replace" or "replace_backup" => "replace",
            "delete_in_advance" => "delete_in_advance",
            _ => null,
        };
        if (mapped is null)
        {
            findings.Add(location, $"out.mode {mode} is not an embulk-output-bigquery mode the import knows", "choose mode: replace, append, merge or delete_in_advance");
            return;
        }

        if (mode == "replace_backup")
        {
            findings.Add(location, "out.mode replace_backup also kept a backup copy of the old table", "BatchSync's replace is atomic but keeps no backup: use BigQuery time travel (7 days) or a table snapshot");
        }

        if (mode == "append_direct")
        {
            findings.Note("out.mode append_direct loaded straight into the table; mode append lands each run's rows once, atomically.");
        }

        if (mapped == "append")
        {
            findings.Note("mode append: every new run adds its rows, as embulk did; for date-sharded tables, mode replace makes a re-run of a day (run --run-date) replace that day's shard.");
        }

        if (draft.Defaults.TryAdd("mode", mapped) || Equals(draft.Defaults["mode"], mapped))
        {
            return;
        }

        entry["mode"] = mapped;
    }

    private void TranslateOutputColumn(ConfigMap column, OrderedDictionary<string, object> entry)
    {
        if (column.Find("name")?.Value is not ConfigScalar name || column.Find("type")?.Value is not ConfigScalar type)
        {
            return;
        }

        var bigQueryType = type.Value.ToUpperInvariant();
        if (bigQueryType is "RECORD" or "STRUCT")
        {
            findings.Add(column.Location, $"out.column_options {name.Value}: type {bigQueryType}", "BatchSync loads flat columns; load it as JSON or STRING");
            return;
        }

        Column(entry, name.Value)["type"] = bigQueryType;
        if (bigQueryType is "DATE" or "DATETIME" or "TIME" or "STRING" && (column.Find("timezone") ?? column.Find("timestamp_format")) is { } zoned)
        {
            findings.Add(zoned.Key.Location, $"out.column_options {name.Value}: {zoned.Key.Value} converted the timestamp before loading it as {bigQueryType}",
                $"BatchSync writes {bigQueryType} from the source value as it stands; check that the values match (they do when the zone is the source's)");
        }
    }

    private void TranslateLayout(ConfigMap output, OrderedDictionary<string, object> entry)
    {
        if (output.Find("time_partitioning") is { Value: ConfigMap partitioning } partitionEntry)
        {
            if (partitioning.Find("field")?.Value is ConfigScalar field)
            {
                entry["partition"] = new OrderedDictionary<string, object>
                {
                    ["column"] = field.Value,
                    ["type"] = (partitioning.Find("type")?.Value as ConfigScalar)?.Value.ToUpperInvariant() ?? "DAY",
                };
            }
            else
            {
                findings.Add(partitionEntry.Key.Location, "out.time_partitioning without field (ingestion-time partitioning)",
                    "partition by a column (partition: {column: …, type: DAY}), or load one partition with out_table: table${run_date} and mode delete_in_advance");
            }
        }

        if (output.Find("clustering") is { Value: ConfigMap clustering } && clustering.Find("fields")?.Value is ConfigSequence fields)
        {
            entry["cluster"] = fields.Items.OfType<ConfigScalar>().Select(f => f.Value).ToList();
        }
    }

    private void ApplyListEntry(ConfigMap? listEntry, TemplateScope scope, OrderedDictionary<string, object> entry)
    {
        if (listEntry is null)
        {
            return;
        }

        foreach (var setting in listEntry.Entries)
        {
            var key = setting.Key.Value;
            if (setting.Value is not ConfigScalar value || key == "table")
            {
                continue;
            }

            switch (key)
            {
                case "where":
                    SetWhere(entry, value.Value);
                    break;
                case "select" when value.Value.Trim() is "" or "*":
                    entry.Remove("select");
                    break;
                case "select" or "database" or "dataset" or "mode":
                    entry[key] = value.Value;
                    break;
                case "out_table" when value.Value.Length > 0:
                    entry["out_table"] = scope.Evaluate(value.Value) is TemplateValue.Text { Value: var text } && StrftimeFormat.ToPlaceholders(text) is { } rendered ? rendered : value.Value;
                    break;
                case "out_table" or "dataset" or "database":
                    break;
                default:
                    findings.Add(setting.Key.Location, $"'{key}' in the table list has no equivalent", "see docs/migrating-from-embulk.md for the keys a table takes");
                    break;
            }
        }
    }

    private void ReportOtherKeys(ConfigMap section, string name, HashSet<string> handled)
    {
        foreach (var entry in section.Entries.Where(e => !handled.Contains(e.Key.Value)))
        {
            if (name == "out" && OutputTuning.Contains(entry.Key.Value))
            {
                continue;
            }

            var (what, toDo) = entry.Key.Value switch
            {
                "fetch_rows" or "connect_timeout" or "socket_timeout" => ($"in.{entry.Key.Value}", "rows are streamed and timeouts are BatchSync's own; remove it"),
                "order_by" => ("in.order_by", "rows are read in primary-key order when chunk: is set; order does not matter to BigQuery"),
                "options" => ("in.options (JDBC properties)", "BatchSync has its own client; set tls: and timezone: on source instead"),
                "auto_create_table" or "auto_create_dataset" => ($"out.{entry.Key.Value}", "tables and datasets are always created as needed"),
                _ => ($"{name}.{entry.Key.Value}", "it has no BatchSync equivalent; check what it did and remove it"),
            };
            if (entry.Key.Value is "auto_create_table" or "auto_create_dataset" or "fetch_rows" or "incremental_columns" or "last_record")
            {
                continue;
            }

            findings.Add(entry.Key.Location, what, toDo);
        }
    }

    private static OrderedDictionary<string, object> Column(OrderedDictionary<string, object> entry, string name)
    {
        if (!entry.TryGetValue("columns", out var columns))
        {
            columns = new OrderedDictionary<string, object>();
            entry["columns"] = columns;
        }

        var byName = (OrderedDictionary<string, object>)columns;
        if (!byName.TryGetValue(name, out var column))
        {
            column = new OrderedDictionary<string, object>();
            byName[name] = column;
        }

        return (OrderedDictionary<string, object>)column;
    }

    /// <summary>
    /// A plain value or an <c>env:</c> reference; untranslatable values are reported and give null. A table setting
    /// (select, where: <paramref name="tableSetting"/>) cannot be a reference, only a value.
    /// </summary>
    private string? Reference(ConfigEntry entry, TemplateScope scope, string what, bool tableSetting = false)
    {
        if (entry.Value is not ConfigScalar scalar)
        {
            findings.Add(entry.Key.Location, $"{what} is not a single value", "set it by hand");
            return null;
        }

        switch (scope.Evaluate(scalar.Value))
        {
            case TemplateValue.Text { Value: var text }:
                return text;
            case TemplateValue.Environment { Name: var variable } when tableSetting:
                findings.Add(entry.Key.Location, $"{what} comes from the environment variable {variable}", "give it per table in the --tables list, or set it by hand");
                return null;
            case TemplateValue.Environment { Name: var variable }:
                return $"env:{variable}";
            case TemplateValue.Untranslatable { Reason: var reason }:
                findings.Add(entry.Key.Location, $"{what} '{scalar.Value}': {reason}", "set it by hand");
                return null;
            default:
                return null;
        }
    }

    private static string? WholeExpression(ConfigNode? node)
        => node is ConfigScalar { Value: var text } && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf('}', StringComparison.Ordinal) == text.Length - 1
            ? text[2..^1].Trim()
            : null;

    private static string? Scalar(ConfigMap map, string key) => (map.Find(key)?.Value as ConfigScalar)?.Value;
}
