namespace BatchSync.Cli.Tests.Load;

/// <summary>A destination a load sandbox lands in, read back without BatchSync's code.</summary>
internal interface ITestDestination : IAsyncDisposable
{
    /// <summary>The workflow's <c>destination:</c> block (indented lines, without the key).</summary>
    string WorkflowBlock(string? location);

    /// <summary>The table's rows, each column → canonical text (null for NULL), as <see cref="ColumnCheck"/> reads them.</summary>
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table);

    bool HasTable(string table);

    /// <summary>Tables whose name marks them as a run's staging table.</summary>
    IReadOnlyList<string> StagingTables();
}
