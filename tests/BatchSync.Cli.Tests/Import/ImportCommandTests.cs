using BatchSync.Cli.Tests.Run;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Cli.Tests.Import;

/// <summary><c>batchsync import</c> on realistic embulk and digdag setups: a valid workflow, and what did not map.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("batchsync-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(CliResult Result, string Yaml)> ImportAsync(params string[] args)
    {
        var output = Path.Combine(_directory, "imported.yml");
        var result = await CliInvocation.RunAsync(["import", .. args, "--out", output]);
        return (result, File.Exists(output) ? await File.ReadAllTextAsync(output) : "");
    }

    private Task<WorkflowLoadResult> LoadImportedAsync() => WorkflowLoader.LoadAsync(Path.Combine(_directory, "imported.yml"), CancellationToken.None);

    [Fact]
    public async Task An_ec2_cron_config_with_a_table_list_becomes_a_valid_workflow()
    {
        var (result, yaml) = await ImportAsync("embulk", ImportFixtures.Ec2Config, "--tables", ImportFixtures.Ec2Tables, "--name", "shop");

        Assert.True(result.ExitCode == 0, result.ToString());
        var workflow = (await LoadImportedAsync()).Workflow;
        Assert.NotNull(workflow);
        var tables = workflow.ResolveTables();
        Assert.Equal(["customers", "orders", "order_items"], tables.Select(t => t.Table));
        Assert.All(tables, t => Assert.Equal("{table}_{run_date:yyyyMMdd}", t.OutTable.Text));
        Assert.Equal("status <> 'test'", tables[1].Where);
        Assert.Equal("id, customer_id, total, status, ordered_at", tables[1].Select);
        Assert.Null(tables[2].Where);
        Assert.Equal(Core.Schema.TypeProfile.Embulk, tables[0].Types);
        Assert.Contains("password: \"env:MYSQL_PASSWORD\"", yaml, StringComparison.Ordinal);
        Assert.Contains("mysql_to_bq.yml.liquid:18: out.json_keyfile", result.Error, StringComparison.Ordinal);
        Assert.Contains("--source-timezone", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digdag_workflow_carries_schedule_timezone_lanes_and_retries()
    {
        var (result, _) = await ImportAsync("digdag", ImportFixtures.DigdagOnEcs);

        Assert.True(result.ExitCode == 0, result.ToString());
        var workflow = (await LoadImportedAsync()).Workflow!;
        Assert.Equal("shop_daily", workflow.Name);
        // daily> 03:30 in Asia/Tokyo (UTC+9) is 18:30 UTC the day before.
        Assert.Equal("cron(30 18 * * ? *)", workflow.Schedule);
        Assert.Equal("Asia/Tokyo", workflow.TimeZone.Id);
        Assert.Equal("Asia/Tokyo", workflow.Source.TimeZone?.Id);
        Assert.Equal((3, 2), (workflow.Defaults.Parallelism, workflow.Defaults.Retries));
        var tables = workflow.ResolveTables();
        Assert.Equal(["customers", "orders", "order_items"], tables.Select(t => t.Table));
        Assert.All(tables, t => Assert.Equal("{table}_{run_date}", t.OutTable.Text));
        Assert.Contains("shop_daily.dig:13: _error", result.Error, StringComparison.Ordinal);
        Assert.Contains("shop_daily.dig:31: the echo> task", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_databases_on_one_host_keep_their_database_and_dataset_per_table()
    {
        var (result, _) = await ImportAsync("digdag", ImportFixtures.SeveralDatabases);

        Assert.True(result.ExitCode == 0, result.ToString());
        var workflow = (await LoadImportedAsync()).Workflow!;
        var tables = workflow.ResolveTables();
        Assert.Equal(
            [("customers", "legacy_shop", "shop_raw"), ("orders", "legacy_shop", "shop_raw"), ("contacts", "legacy_crm", "crm_raw")],
            tables.Select(t => (t.Table, t.Database ?? workflow.Source.Database?.ToString(), t.Dataset)));
        Assert.Equal("cron(0 19 * * ? *)", workflow.Schedule);
        Assert.Equal(Core.Workflows.Model.LoadMode.Append, tables[0].Mode);
        Assert.Equal("secret:batchsync/nightly/mysql#password", workflow.Source.Password?.ToString());
        Assert.Contains("mysql_to_bq.yml:6: in.password", result.Error, StringComparison.Ordinal);
        Assert.Contains("mysql_to_bq.yml:22: out.time_partitioning without field", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_literal_password_is_never_written_or_printed()
    {
        const string Password = "Tr0ub4dor&3-literal";
        var config = Path.Combine(_directory, "literal.yml");
        var text = await File.ReadAllTextAsync(ImportFixtures.Ec2Config);
        await File.WriteAllTextAsync(config, text.Replace("{{ env.MYSQL_PASSWORD }}", $"\"{Password}\"", StringComparison.Ordinal));

        var (result, yaml) = await ImportAsync("embulk", config, "--tables", ImportFixtures.Ec2Tables, "--name", "shop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(Password, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("password: \"secret:batchsync/shop/mysql#password\"", yaml, StringComparison.Ordinal);
        Assert.Contains("literal.yml:7: in.password", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_that_is_not_mysql_to_bigquery_imports_nothing_and_says_why()
    {
        var config = Path.Combine(_directory, "s3.yml");
        await File.WriteAllTextAsync(config, "in:\n  type: s3\n  bucket: logs\nout:\n  type: bigquery\n  dataset: raw\n  table: logs\n");

        var (result, _) = await ImportAsync("embulk", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("s3.yml:1: in: s3 → out: bigquery is not a MySQL → BigQuery job", result.Error, StringComparison.Ordinal);
    }
}
