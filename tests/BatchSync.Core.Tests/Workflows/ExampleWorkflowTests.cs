using BatchSync.Core.Workflows.Loading;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>The workflows shipped in workflows/ must stay valid: they are what users copy.</summary>
public class ExampleWorkflowTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BatchSync.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("BatchSync.sln not found above the test folder");
    }

    public static TheoryData<string> ShippedWorkflows()
    {
        var root = Path.Combine(RepositoryRoot(), "workflows");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.yml").Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.yml")))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedWorkflows))]
    public async Task Shipped_workflow_is_valid(string relativePath)
    {
        var result = await WorkflowLoader.LoadAsync(Path.Combine(RepositoryRoot(), "workflows", relativePath), CancellationToken.None);

        result.AssertNoErrors();
        // The only warning allowed: a CA bundle that the image provides at run time, not the repository.
        Assert.All(result.Diagnostics, d => Assert.Equal(BatchSync.Core.Workflows.Diagnostics.DiagnosticCodes.MissingFile, d.Code));
    }

    [Fact]
    public async Task Demo_reads_the_shop_database_through_env_references_and_lands_in_a_local_duckdb_file()
    {
        var result = await WorkflowLoader.LoadAsync(Path.Combine(RepositoryRoot(), "workflows", "demo.yml"), CancellationToken.None);
        var demo = result.Workflow!;

        Assert.Empty(result.Diagnostics);
        Assert.Equal(DestinationType.DuckDb, demo.Destination.Type);
        Assert.Equal(".batchsync/demo.duckdb", demo.Destination.Path);
        Assert.False(demo.Staging.Location.IsS3);
        Assert.All([demo.Source.Host, demo.Source.Port, demo.Source.User, demo.Source.Password], r => Assert.IsType<BatchSync.Core.Workflows.References.EnvReference>(r));
        Assert.Equal(["customers", "products", "orders", "order_items", "inventory_events"], demo.Tables.Select(t => t.Table));
    }

    [Fact]
    public async Task Full_example_sets_every_top_level_and_source_key()
    {
        var result = await WorkflowLoader.LoadAsync(Path.Combine(RepositoryRoot(), "workflows", "examples", "full.yml"), CancellationToken.None);
        var full = result.Workflow!;

        Assert.NotNull(full.Schedule);
        Assert.NotNull(full.Notify?.Slack);
        Assert.Equal(DestinationType.BigQuery, full.Destination.Type);
        Assert.True(full.Staging.Location.IsS3);
        Assert.Contains(full.Tables, t => t.Partition?.Range is not null);
        Assert.Contains(full.Tables, t => t.Partition?.Type is not null);
    }
}
