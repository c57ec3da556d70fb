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
        var result = await LoadShippedAsync(relativePath);

        result.AssertNoErrors();
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Full_example_without_the_downloaded_ca_bundle_is_an_error_that_points_at_the_docs()
    {
        var result = await WorkflowLoader.LoadAsync(Path.Combine(RepositoryRoot(), "workflows", "examples", "full.yml"), CancellationToken.None);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BatchSync.Core.Workflows.Diagnostics.DiagnosticCodes.MissingFile, error.Code);
        Assert.True(error.IsError);
        Assert.Contains("docs/connecting-to-rds.md", error.Hint, StringComparison.Ordinal);
    }

    /// <summary>
    /// Loads a shipped workflow from a copy of workflows/ that also holds the RDS CA bundle where full.yml expects it:
    /// users download that file (docs/connecting-to-rds.md); the repository cannot ship it, and only its presence is checked.
    /// </summary>
    private static async Task<WorkflowLoadResult> LoadShippedAsync(string relativePath)
    {
        var copy = Path.Combine(Path.GetTempPath(), "batchsync-workflows-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Path.Combine(RepositoryRoot(), "workflows"), copy);
            Directory.CreateDirectory(Path.Combine(copy, "examples", "certs"));
            await File.WriteAllTextAsync(Path.Combine(copy, "examples", "certs", "rds-global-bundle.pem"), "stands in for the downloaded bundle\n");
            return await WorkflowLoader.LoadAsync(Path.Combine(copy, relativePath), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
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
        var result = await LoadShippedAsync(Path.Combine("examples", "full.yml"));
        var full = result.Workflow!;

        Assert.NotNull(full.Schedule);
        Assert.NotNull(full.Notify?.Slack);
        Assert.Equal(DestinationType.BigQuery, full.Destination.Type);
        Assert.True(full.Staging.Location.IsS3);
        Assert.Contains(full.Tables, t => t.Partition?.Range is not null);
        Assert.Contains(full.Tables, t => t.Partition?.Type is not null);
    }
}
