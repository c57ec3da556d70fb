using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>Every diagnostic a workflow file can earn, with its position and hint.</summary>
public class WorkflowDiagnosticsTests
{
    private const string Source = """
        source:
          connection: secret:prod/shop/mysql
        """;

    [Fact]
    public async Task A_minimal_workflow_is_valid()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: users\n");
        result.AssertNoErrors();
        Assert.Equal("shop", result.Workflow!.Name);
    }

    [Fact]
    public async Task Unknown_key_is_located_and_suggests_the_intended_key()
    {
        using var folder = new TempWorkflowFolder();
        var result = await folder.LoadAsync(Source + """

            tables:
              - table: users
              - taable: orders
            """);

        var error = result.Single(DiagnosticCodes.UnknownKey);
        error.AssertAt(5, 5);
        Assert.Equal($"{folder.WorkflowPath}:5:5: error: unknown key 'taable' in tables[1]; did you mean 'table'?", error.ToString());
        // The misspelt key already explains why 'table' is missing.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingKey);
    }

    [Fact]
    public async Task Unknown_key_without_a_near_match_lists_the_allowed_keys()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\n  flavour: mint\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.UnknownKey);
        error.AssertAt(3, 3);
        Assert.Equal("unknown key 'flavour' in source", error.Message);
        Assert.StartsWith("the keys here are: connection, host, port", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_top_level_key()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("scheduel: rate(1 day)\n" + Source + "\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.UnknownKey);
        error.AssertAt(1, 1);
        Assert.Equal(("unknown key 'scheduel' at the top level", "did you mean 'schedule'?"), (error.Message, error.Hint));
    }

    [Fact]
    public async Task Missing_source_and_tables_are_reported_together()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("name: shop\n");
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.MissingKey));
        Assert.Contains(result.Diagnostics, d => d.Message == "missing required key 'source' at the top level");
        Assert.Contains(result.Diagnostics, d => d.Message == "missing required key 'tables' at the top level");
    }

    [Fact]
    public async Task Bigquery_destination_requires_project_and_location()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            destination:
              type: bigquery
              dataset: shop
            tables: [ { table: users } ]
            """);

        var missing = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingKey).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, d => d.AssertAt(4, 3));
        Assert.Contains(missing, d => d.Message == "missing required key 'location' in destination" && d.Hint!.Contains("asia-northeast1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duckdb_destination_requires_a_path_and_warns_about_bigquery_only_keys()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            destination:
              type: duckdb
              location: US
            tables: [ { table: users } ]
            """);

        var missing = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingKey);
        Assert.Equal("missing required key 'path' in destination", missing.Message);
        Assert.Contains(".duckdb", missing.Hint!, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.IgnoredKey && d.Message.Contains("destination.location", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merge_mode_requires_a_key()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: users
                mode: merge
            """);
        var error = result.Single(DiagnosticCodes.MissingKey);
        error.AssertAt(4, 5);
        Assert.Equal(("missing required key 'key' in tables[0]", "mode merge upserts by key columns: add key: [id]"), (error.Message, error.Hint));
    }

    [Fact]
    public async Task Merge_mode_with_an_empty_key_list_is_an_error()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: users\n    mode: merge\n    key: []\n");
        var error = result.Single(DiagnosticCodes.BadValue);
        error.AssertAt(6, 10);
        Assert.Equal("tables[0].key is empty; mode merge needs at least one key column", error.Message);
    }

    [Fact]
    public async Task Merge_mode_from_defaults_also_requires_a_key()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            defaults: { mode: merge }
            tables:
              - table: users
                key: [id]
              - table: orders
            """);
        result.Single(DiagnosticCodes.MissingKey).AssertAt(7, 5);
    }

    [Fact]
    public async Task Wrong_types_say_what_was_expected_and_found()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            defaults:
              parallelism: four
            tables:
              table: users
            """);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Location.Line == 4 && d.Location.Column == 16
            && d.Message == "defaults.parallelism must be a whole number, found a string");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Location.Line == 6 && d.Location.Column == 3
            && d.Message == "tables must be a list, found a map");
    }

    [Fact]
    public async Task Yes_is_not_a_boolean_and_the_hint_says_so()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\n  iam_auth: yes\n  tls: required\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.WrongType);
        error.AssertAt(3, 13);
        Assert.Equal("YAML 1.2 reads yes/no/on/off as strings; write true or false", error.Hint);
    }

    [Fact]
    public async Task Bad_enum_lists_the_allowed_values_and_suggests_one()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: users
                mode: replce
            """);
        var error = result.Single(DiagnosticCodes.BadEnum);
        error.AssertAt(5, 11);
        Assert.Equal("tables[0].mode cannot be 'replce'; allowed: replace, append, merge, delete_in_advance", error.Message);
        Assert.Equal("did you mean 'replace'?", error.Hint);
    }

    [Fact]
    public async Task Zero_dates_null_is_read_as_the_policy_name()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ndefaults:\n  zero_dates: null\ntables:\n  - table: users\n    zero_dates: fail\n");
        result.AssertNoErrors();
        Assert.Equal(BatchSync.Core.Workflows.Model.ZeroDatePolicy.Fail, result.Workflow!.ResolveTables()[0].ZeroDates);
    }

    [Fact]
    public async Task Zero_dates_null_on_a_table_overrides_a_fail_default()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ndefaults:\n  zero_dates: fail\ntables:\n  - table: a\n    zero_dates: null\n  - table: b\n");
        result.AssertNoErrors();
        var tables = result.Workflow!.ResolveTables();
        Assert.Equal(
            [BatchSync.Core.Workflows.Model.ZeroDatePolicy.Null, BatchSync.Core.Workflows.Model.ZeroDatePolicy.Fail],
            tables.Select(t => t.ZeroDates));
    }

    [Fact]
    public async Task Bad_schedule_is_located_on_the_value()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("schedule: \"cron(0 18 * * * *)\"\n" + Source + "\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.BadSchedule);
        error.AssertAt(1, 11);
        Assert.Contains("one of day-of-month and day-of-week must be '?'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_time_zone_suggests_the_nearest_iana_name()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("timezone: Asia/Tokio\n" + Source + "\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.BadTimeZone);
        error.AssertAt(1, 11);
        Assert.Equal("did you mean 'Asia/Tokyo'?", error.Hint);
    }

    [Fact]
    public async Task Abbreviated_zone_is_rejected()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("timezone: JST\n" + Source + "\ntables: [ { table: users } ]\n");
        result.Single(DiagnosticCodes.BadTimeZone).AssertAt(1, 11);
    }

    [Fact]
    public async Task Same_destination_twice_is_reported_at_the_second_entry()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: users
              - table: customers
                out_table: users
            """);
        var error = result.Single(DiagnosticCodes.DuplicateTable);
        error.AssertAt(5, 5);
        Assert.StartsWith("tables[1] lands in (no dataset).users, like tables[0] at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_table_in_two_datasets_is_fine()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: users
                dataset: a
              - table: users
                dataset: b
            """);
        result.AssertNoErrors();
    }

    [Fact]
    public async Task Inline_password_is_an_error_with_a_hint_to_reference_it()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("""
            source:
              host: db
              user: etl
              password: hunter2
            tables: [ { table: users } ]
            """);
        var error = result.Single(DiagnosticCodes.InlineSecret);
        error.AssertAt(4, 13);
        Assert.Contains("secret:", error.Hint, StringComparison.Ordinal);
        Assert.Contains("env:NAME", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("destination:\n  type: bigquery\n  project: p\n  location: US\n  dataset: d\n  credentials: '{\"type\": \"service_account\"}'\n", 8, 16)]
    [InlineData("notify:\n  slack:\n    webhook: https://hooks.slack.com/services/T0/B0/x\n", 5, 14)]
    public async Task Other_secrets_inline_are_errors_too(string section, int line, int column)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\n" + section + "tables: [ { table: users } ]\n");
        result.Single(DiagnosticCodes.InlineSecret).AssertAt(line, column);
    }

    [Fact]
    public async Task Malformed_reference_is_reported()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: \"secret:\"\ntables: [ { table: users } ]\n");
        var error = result.Single(DiagnosticCodes.BadReference);
        error.AssertAt(2, 15);
        Assert.Contains("has no id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_yaml_keys_are_reported_with_the_first_line()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: users\n    where: a\n    where: b\n");
        var error = result.Single(DiagnosticCodes.DuplicateKey);
        error.AssertAt(6, 5);
        Assert.Contains("line 5", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_error_is_a_diagnostic_not_a_crash()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: \"secret:a\ntables: []\n");
        var error = result.Single(DiagnosticCodes.SyntaxError);
        Assert.Equal(2, error.Location.Line);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public async Task Names_bigquery_cannot_take_are_rejected()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            destination: { type: bigquery, project: p, location: US, dataset: shop-raw }
            tables:
              - table: users
                out_table: users.v2
              - table: orders$archive
              - table: items
                dataset: "raw data"
            """);

        var names = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BadName).ToList();
        Assert.Equal(4, names.Count);
        names[0].AssertAt(3, 67);
        names[1].AssertAt(6, 16);
        names[2].AssertAt(7, 12);
        Assert.Equal("set out_table: to a name BigQuery accepts", names[2].Hint);
        names[3].AssertAt(9, 14);
    }

    [Fact]
    public async Task Bad_out_table_template_is_located()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: log\n    out_table: \"log_{run_date:yyyy/MM}\"\n");
        var error = result.Single(DiagnosticCodes.BadTemplate);
        error.AssertAt(5, 16);
        Assert.Contains("'/' cannot be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partition_needs_exactly_one_of_type_and_range()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: a
                partition: { column: created_at }
              - table: b
                partition: { column: id, type: DAY, range: [0, 100, 10] }
              - table: c
                partition: { column: id, range: [0, 100] }
              - table: d
                partition: { column: id, range: [100, 0, 10] }
              - table: e
                partition: { column: id, range: [0, 1000000, 1] }
              - table: f
                partition: { column: created_at, type: WEEK }
            """);

        var partitions = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BadPartition).ToList();
        Assert.Equal(5, partitions.Count);
        partitions[0].AssertAt(5, 16);
        Assert.Contains("exactly one of 'type' and 'range'", partitions[0].Message, StringComparison.Ordinal);
        partitions[1].AssertAt(7, 16);
        Assert.Contains("found 2 values", partitions[2].Message, StringComparison.Ordinal);
        Assert.Contains("end must be greater than start", partitions[3].Message, StringComparison.Ordinal);
        Assert.Contains("at most 10000", partitions[4].Message, StringComparison.Ordinal);
        var week = result.Single(DiagnosticCodes.BadEnum);
        week.AssertAt(15, 44);
        Assert.Contains("allowed: HOUR, DAY, MONTH, YEAR", week.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_is_at_most_four_distinct_columns()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: a
                cluster: [c1, c2, c3, c4, c5]
              - table: b
                cluster: [c1, C1]
            """);
        var cluster = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BadCluster).ToList();
        Assert.Equal(2, cluster.Count);
        cluster[0].AssertAt(5, 14);
        Assert.Contains("at most 4", cluster[0].Message, StringComparison.Ordinal);
        cluster[1].AssertAt(7, 19);
    }

    [Fact]
    public async Task Chunk_rows_and_parallelism_must_be_positive()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            defaults: { parallelism: 0 }
            tables:
              - table: a
                chunk: { rows: 0 }
              - table: b
                chunk: {}
            """);
        var bad = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BadValue).ToList();
        Assert.Equal(2, bad.Count);
        bad[0].AssertAt(3, 26);
        Assert.Equal("defaults.parallelism must be from 1 to 10000, found 0", bad[0].Message);
        bad[1].AssertAt(6, 20);
        Assert.Equal("tables[0].chunk.rows must be at least 1, found 0", bad[1].Message);
        result.Single(DiagnosticCodes.MissingKey).AssertAt(8, 12);
    }

    [Fact]
    public async Task Incremental_with_replace_is_a_conflict()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: events
                incremental: { column: id }
            """);
        var error = result.Single(DiagnosticCodes.Conflict);
        error.AssertAt(5, 18);
        Assert.Equal("use mode: append or mode: merge with incremental", error.Hint);
    }

    [Fact]
    public async Task Bad_lookback_is_located()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: e\n    mode: append\n    incremental: { column: id, lookback: 10 minutes }\n");
        var error = result.Single(DiagnosticCodes.BadValue);
        error.AssertAt(6, 42);
        Assert.Equal("for a date/time column write a number and a unit (30s, 10m, 2h, 1d); for an integer column a number of values (5000)", error.Hint);
    }

    [Fact]
    public async Task Column_override_type_and_names_are_checked()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: t
                columns:
                  price: { type: NUMERC }
                  "unit-price": { type: NUMERIC }
                  "list-price": { type: NUMERIC, name: list_price }
            """);
        var type = result.Single(DiagnosticCodes.BadEnum);
        type.AssertAt(6, 22);
        Assert.Equal("did you mean 'NUMERIC'?", type.Hint);
        var name = result.Single(DiagnosticCodes.BadName);
        name.AssertAt(7, 7);
        Assert.Equal("add name: <a valid column name> to map it", name.Hint);
    }

    [Fact]
    public async Task Timestamp_datetime_needs_a_source_time_zone()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: t
                datetime: timestamp
            """);
        var error = result.Single(DiagnosticCodes.MissingKey);
        error.AssertAt(5, 15);
        Assert.Contains("source.timezone", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iam_auth_needs_tls()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: secret:x\n  iam_auth: true\ntables: [ { table: t } ]\n");
        var error = result.Single(DiagnosticCodes.Conflict);
        error.AssertAt(3, 13);
        Assert.Equal("set tls: verify-full (or verify-ca) and ca_bundle: the RDS CA bundle; see docs/connecting-to-rds.md", error.Hint);
    }

    [Fact]
    public async Task Source_needs_a_connection_or_parts()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  tls: required\ntables: [ { table: t } ]\n");
        var error = result.Single(DiagnosticCodes.MissingKey);
        error.AssertAt(2, 3);
        Assert.Equal("missing required key 'connection' in source", error.Message);
    }

    [Fact]
    public async Task Bad_staging_uri_and_bucket()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\nstaging: { uri: \"gs://bucket/x\" }\ntables: [ { table: t } ]\n");
        result.Single(DiagnosticCodes.BadValue).AssertAt(3, 17);

        var bucket = await TempWorkflowFolder.LoadOnlyAsync(Source + "\nstaging: { uri: \"s3://Bad_Bucket/x\" }\ntables: [ { table: t } ]\n");
        Assert.Contains("not a valid S3 bucket name", bucket.Single(DiagnosticCodes.BadValue).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(3073)]
    public async Task A_part_size_a_bigquery_load_could_not_take_is_refused(int megabytes)
    {
        // 4000 MiB is 4.19 GB: past BigQuery's 4 GB limit for one gzip CSV file even before the last chunk's overshoot.
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + $"\nstaging: {{ part_size_mb: {megabytes} }}\ntables: [ {{ table: t }} ]\n");

        var error = result.Single(DiagnosticCodes.BadValue);
        error.AssertAt(3, 26);
        Assert.Equal($"staging.part_size_mb must be at most 3072, found {megabytes}", error.Message);
        Assert.Contains("4 GB", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_part_size_is_accepted()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\nstaging: { part_size_mb: 3072 }\ntables: [ { table: t } ]\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.BadValue);
    }

    [Fact]
    public async Task Empty_where_means_no_filter_and_one_equals_one_is_flagged()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + """

            tables:
              - table: a
                where: ""
              - table: b
                where: "1 = 1"
            """);
        result.AssertNoErrors();
        var warning = result.Single(DiagnosticCodes.RedundantFilter);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        warning.AssertAt(7, 12);
        Assert.Null(result.Workflow!.ResolveTables()[0].Where);
    }

    [Fact]
    public async Task Empty_file_and_empty_table_list()
    {
        (await TempWorkflowFolder.LoadOnlyAsync("")).Single(DiagnosticCodes.EmptyFile).AssertAt(1, 1);
        (await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables: []\n")).Single(DiagnosticCodes.NoTables).AssertAt(3, 9);
    }

    [Fact]
    public async Task A_missing_file_is_a_diagnostic()
    {
        var result = await BatchSync.Core.Workflows.Loading.WorkflowLoader.LoadAsync("/nonexistent/shop.yml", CancellationToken.None);
        Assert.Equal("/nonexistent/shop.yml:1:1: error: workflow file does not exist", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Every_problem_is_reported_in_one_pass_in_file_order()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("""
            timezone: Mars/Olympus
            source:
              host: db
              user: etl
              password: secret
              tls: requird
            tables:
              - taable: users
              - table: orders
                mode: merge
            """);

        Assert.Equal(
            [DiagnosticCodes.BadTimeZone, DiagnosticCodes.InlineSecret, DiagnosticCodes.BadEnum, DiagnosticCodes.UnknownKey, DiagnosticCodes.MissingKey],
            result.Diagnostics.Select(d => d.Code));
        Assert.Equal([1, 5, 6, 8, 9], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public async Task Database_dot_table_suggests_the_database_key()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Source + "\ntables:\n  - table: shop_archive.purchases\n");
        var error = result.Single(DiagnosticCodes.BadValue);
        error.AssertAt(4, 12);
        Assert.StartsWith("write database: shop_archive and table: purchases; for a table whose name really contains '.', set database: too", error.Hint, StringComparison.Ordinal);
    }
}
