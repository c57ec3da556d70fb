namespace BatchSync.Cli.Tests.Load;

/// <summary>Every load mode into the strict fake BigQuery.</summary>
public sealed class BigQueryLoadModeTests : LoadModeScenarios
{
    internal override Task<LoadSandbox> CreateSandboxAsync() => LoadSandbox.CreateAsync();

    protected override void AssertPartitionedByDay(string table, string column)
        => Assert.Equal($"time(type:DAY,field:{column})", Sandbox.BigQuery.Table(LoadSandbox.Project, LoadSandbox.Dataset, table)!.PartitioningSpec);
}
