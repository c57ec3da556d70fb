using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Workflows;

public class CatalogSourceCheckerTests
{
    private sealed class FakeCatalog(Dictionary<string, string[]> tables) : ISourceCatalog
    {
        public List<string> Asked { get; } = [];

        public ValueTask<IReadOnlyList<string>?> GetColumnsAsync(WorkflowDefinition workflow, string? database, string table, CancellationToken cancellationToken)
        {
            var name = database is null ? table : $"{database}.{table}";
            Asked.Add(name);
            return ValueTask.FromResult<IReadOnlyList<string>?>(tables.GetValueOrDefault(name));
        }

        public ValueTask<string?> CheckQueryAsync(WorkflowDefinition workflow, TablePlanSpec table, CancellationToken cancellationToken)
            => ValueTask.FromResult<string?>(null);
    }

    private static async Task<WorkflowDefinition> LoadAsync(string tablesYaml)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: secret:x\ntables:\n" + tablesYaml);
        result.AssertNoErrors();
        return result.Workflow!;
    }

    [Fact]
    public async Task A_workflow_matching_the_source_has_no_findings()
    {
        var workflow = await LoadAsync("""
              - table: orders
                mode: merge
                key: [ID]
                incremental: { column: updated_at }
                partition: { column: created_on, type: DAY }
                cluster: [customer_id]
                columns:
                  "created-on": { type: DATE, name: created_on }
              - table: items
                database: archive
            """);
        var catalog = new FakeCatalog(new()
        {
            ["orders"] = ["id", "customer_id", "updated_at", "created-on"],
            ["archive.items"] = ["id"],
        });

        var found = await new CatalogSourceChecker(catalog).CheckAsync(workflow, CancellationToken.None);

        Assert.Empty(found);
        Assert.Equal(["orders", "archive.items"], catalog.Asked);
    }

    [Fact]
    public async Task Missing_tables_and_columns_are_located_at_the_table_with_suggestions()
    {
        var workflow = await LoadAsync("""
              - table: orders
                mode: merge
                key: [order_id]
                cluster: [custmer_id]
              - table: ghosts
            """);
        var catalog = new FakeCatalog(new() { ["orders"] = ["id", "customer_id"] });

        var found = await new CatalogSourceChecker(catalog).CheckAsync(workflow, CancellationToken.None);

        Assert.Collection(
            found,
            d =>
            {
                Assert.Equal((DiagnosticCodes.SourceCheck, 4, 5), (d.Code, d.Location.Line, d.Location.Column));
                Assert.Equal("key names column 'order_id', which table 'orders' does not have", d.Message);
                Assert.Equal("its columns are: id, customer_id", d.Hint);
            },
            d =>
            {
                Assert.Equal("cluster names column 'custmer_id', which table 'orders' does not have", d.Message);
                Assert.Equal("did you mean 'customer_id'?", d.Hint);
            },
            d =>
            {
                Assert.Equal((8, 5), (d.Location.Line, d.Location.Column));
                Assert.Equal("table 'ghosts' does not exist on the source", d.Message);
            });
    }

    [Fact]
    public async Task Source_columns_bigquery_cannot_take_must_be_mapped_when_every_column_lands()
    {
        var workflow = await LoadAsync("""
              - table: orders
              - table: items
                columns:
                  "unit-price": { name: unit_price }
              - table: carts
                select: "id"
            """);
        var catalog = new FakeCatalog(new()
        {
            ["orders"] = ["id", "unit-price"],
            ["items"] = ["id", "unit-price"],
            ["carts"] = ["id", "odd name"],
        });

        var found = await new CatalogSourceChecker(catalog).CheckAsync(workflow, CancellationToken.None);

        var finding = Assert.Single(found);
        Assert.Equal((4, 5), (finding.Location.Line, finding.Location.Column));
        Assert.StartsWith("table 'orders': 'unit-price' is not a valid BigQuery column name", finding.Message, StringComparison.Ordinal);
        Assert.Equal("map it: columns: { \"unit-price\": { name: <new name> } }", finding.Hint);
    }
}
