using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

public sealed class SchemaEvolutionTests
{
    private static readonly TableDefinition Products = new(Schema(("id", BigQueryType.Int64), ("price", BigQueryType.Numeric)));

    [Fact]
    public async Task A_new_column_is_added_to_the_destination_as_nullable()
    {
        await using var env = await StartAsync();
        await env.Destination.EnsureDestinationAsync(Spec("products", Products, LoadMode.Append), CancellationToken.None);
        var wider = new TableDefinition(Schema(("id", BigQueryType.Int64), ("price", BigQueryType.Numeric), ("label", BigQueryType.String)));

        var table = await env.Destination.EnsureDestinationAsync(Spec("products", wider, LoadMode.Append), CancellationToken.None);

        Assert.Equal(["id", "price", "label"], table.Definition.Schema.Fields.Select(field => field.Name));
        Assert.Equal(new FakeColumnView("label", "STRING", "NULLABLE"), FakeColumnView.Of(env.StoredTable("products")!.Column("label")!));
        Assert.Contains(env.Fake.Requests, request => request.StartsWith("PATCH ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_type_fails_with_a_readable_diff_and_changes_nothing()
    {
        await using var env = await StartAsync();
        await env.Destination.EnsureDestinationAsync(Spec("products", Products, LoadMode.Append), CancellationToken.None);
        var changed = new TableDefinition(Schema(("id", BigQueryType.Int64), ("price", BigQueryType.String)));

        var error = await Assert.ThrowsAsync<SchemaConflictException>(() => env.Destination.EnsureDestinationAsync(Spec("products", changed, LoadMode.Append), CancellationToken.None));

        Assert.Equal(["column price: NUMERIC → STRING"], error.Conflicts);
        Assert.Contains("column price: NUMERIC → STRING", error.Message, StringComparison.Ordinal);
        Assert.Equal("NUMERIC", env.StoredTable("products")!.Column("price")!.Type);
        Assert.DoesNotContain(env.Fake.Requests, request => request.StartsWith("PATCH ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_different_partitioning_is_reported_instead_of_silently_kept()
    {
        await using var env = await StartAsync();
        await env.Destination.EnsureDestinationAsync(Spec("products", Products, LoadMode.Replace), CancellationToken.None);
        var partitioned = Products with { RangePartitioning = new RangePartitioning("id", 0, 1000, 10) };

        var error = await Assert.ThrowsAsync<DestinationLayoutException>(() => env.Destination.EnsureDestinationAsync(Spec("products", partitioned, LoadMode.Replace), CancellationToken.None));

        Assert.Contains("not partitioned or clustered", error.Message, StringComparison.Ordinal);
        Assert.Contains("range-partitioned by id in [0, 1000) step 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_lists_mode_changes_and_dropped_columns()
    {
        var existing = new BigQueryTableSchema([new BigQueryField("id", BigQueryType.Int64, "REQUIRED"), new BigQueryField("old", BigQueryType.String)]);
        var desired = new BigQueryTableSchema([new BigQueryField("id", BigQueryType.Int64), new BigQueryField("new", BigQueryType.Date, "REQUIRED")]);

        var diff = SchemaDiff.Compare(existing, desired);

        Assert.Equal(["column id: mode REQUIRED → NULLABLE", "column old: in the destination but not in the new schema"], diff.Conflicts);
        Assert.Equal([new BigQueryField("new", BigQueryType.Date)], diff.AddedColumns);
    }

    private sealed record FakeColumnView(string Name, string Type, string Mode)
    {
        public static FakeColumnView Of(Fake.FakeColumn column) => new(column.Name, column.Type, column.Mode);
    }
}
