using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>Effective per-table settings: defaults merged with table overrides, in one place.</summary>
public class TableResolutionTests
{
    private const string Workflow = """
        timezone: Asia/Tokyo
        source:
          connection: secret:prod/shop/mysql
          timezone: Asia/Tokyo
          max_connections: 3
        destination:
          type: bigquery
          project: p
          dataset: shop
          location: asia-northeast1
        defaults:
          mode: append
          zero_dates: fail
          datetime: timestamp
          parallelism: 8
          retries: 5
        tables:
          - table: users
          - table: purchases
            database: shop_archive
            out_table: purchases_v2
            dataset: shop_raw
            where: "status <> 'test'"
            mode: merge
            key: [id]
            zero_dates: "null"
            datetime: datetime
            parallelism: 2
            retries: 0
            incremental: { column: updated_at, lookback: 10m }
            partition: { column: purchase_datetime, type: DAY }
            cluster: [user_id]
            chunk: { rows: 5000000 }
            columns:
              price: { type: NUMERIC }
          - table: access_log
            out_table: "access_log_{run_date:yyyyMMdd}"
        """;

    [Fact]
    public async Task A_table_without_overrides_takes_every_default()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Workflow);
        result.AssertNoErrors();

        var users = result.Workflow!.ResolveTables()[0];

        Assert.Equal(LoadMode.Append, users.Mode);
        Assert.Equal(ZeroDatePolicy.Fail, users.ZeroDates);
        Assert.Equal(DateTimeHandling.Timestamp, users.DateTime);
        Assert.Equal(3, users.Parallelism); // 8, capped by source.max_connections
        Assert.Equal(5, users.Retries);
        Assert.Equal("shop", users.Dataset);
        Assert.Equal("users", users.RenderOutTable(DateTimeOffset.UnixEpoch));
        Assert.Null(users.Where);
        Assert.Equal("*", users.SelectList);
        Assert.Null(users.Database);
    }

    [Fact]
    public async Task Every_table_setting_overrides_its_default()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Workflow);
        result.AssertNoErrors();

        var purchases = result.Workflow!.ResolveTables()[1];

        Assert.Equal(LoadMode.Merge, purchases.Mode);
        Assert.Equal(ZeroDatePolicy.Null, purchases.ZeroDates);
        Assert.Equal(DateTimeHandling.DateTime, purchases.DateTime);
        Assert.Equal(2, purchases.Parallelism);
        Assert.Equal(0, purchases.Retries);
        Assert.Equal("shop_raw", purchases.Dataset);
        Assert.Equal("shop_archive", purchases.Database);
        Assert.Equal("purchases_v2", purchases.RenderOutTable(DateTimeOffset.UnixEpoch));
        Assert.Equal("status <> 'test'", purchases.Where);
        Assert.Equal(["id"], purchases.Key);
        Assert.Equal(new IncrementalSpec("updated_at", IncrementalLookback.Of(TimeSpan.FromMinutes(10))), purchases.Incremental);
        Assert.Equal(new PartitionSpec("purchase_datetime", TimePartitionType.Day, null), purchases.Partition);
        Assert.Equal(["user_id"], purchases.Cluster);
        Assert.Equal(new ChunkSpec(5_000_000), purchases.Chunk);
        Assert.Equal(BatchSync.Core.Schema.BigQueryType.Numeric, purchases.Columns["price"].Type);
    }

    [Fact]
    public async Task Date_sharded_out_table_renders_the_run_date_in_the_workflow_zone()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync(Workflow);
        var log = result.Workflow!.ResolveTables()[2];

        // 20:00 UTC on the 21st is the 22nd in Tokyo.
        Assert.Equal("access_log_20261122", log.RenderOutTable(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Without_defaults_the_documented_defaults_apply()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: secret:x\ntables:\n  - table: t\n");
        var table = result.Workflow!.ResolveTables()[0];
        var workflow = result.Workflow;

        Assert.Equal((LoadMode.Replace, ZeroDatePolicy.Null, DateTimeHandling.DateTime, 4, 2), (table.Mode, table.ZeroDates, table.DateTime, table.Parallelism, table.Retries));
        Assert.Equal(DestinationType.None, workflow.Destination.Type);
        Assert.Equal(".batchsync/staging", workflow.Staging.Location.Folder);
        Assert.Equal(256, workflow.Staging.PartSizeMb);
        Assert.Equal(TimeZoneInfo.Utc, workflow.TimeZone);
        Assert.Equal(TlsMode.Preferred, workflow.Source.Tls);
        Assert.Null(workflow.Schedule);
    }

    [Fact]
    public async Task S3_staging_splits_bucket_and_prefix()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: secret:x\nstaging:\n  uri: s3://my-bucket/batchsync\n  kms_key_id: alias/batchsync\ntables:\n  - table: t\n");
        var staging = result.Workflow!.Staging;
        Assert.Equal(("my-bucket", "batchsync/", "alias/batchsync"), (staging.Location.Bucket, staging.Location.Prefix, staging.KmsKeyId));
    }
}
