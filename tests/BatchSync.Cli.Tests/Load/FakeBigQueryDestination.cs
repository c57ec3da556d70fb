using BatchSync.BigQuery.Fake;
using BatchSync.Core.Load;

namespace BatchSync.Cli.Tests.Load;

/// <summary>The strict fake BigQuery, reached through destination.endpoint as a user would point BatchSync at an emulator.</summary>
internal sealed class FakeBigQueryDestination(FakeBigQueryServer server) : ITestDestination
{
    public const string Project = "shop-project";
    public const string Dataset = "shop";
    public const string Location = "asia-northeast1";

    public FakeBigQueryServer Server => server;

    public string WorkflowBlock(string? location) => $"""
          type: bigquery
          project: {Project}
          dataset: {Dataset}
          location: {location ?? Location}
          endpoint: {server.BaseUri}
        """;

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table) => server.Rows(Project, Dataset, table);

    public bool HasTable(string table) => server.Table(Project, Dataset, table) is not null;

    public IReadOnlyList<string> StagingTables()
    {
        lock (server.State.Sync)
        {
            return [.. server.State.Tables.Values.Where(t => t.TableName.Contains(StagingTableName.Marker, StringComparison.Ordinal)).Select(t => t.TableName)];
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
