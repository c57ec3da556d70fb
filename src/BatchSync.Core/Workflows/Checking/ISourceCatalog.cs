using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Checking;

/// <summary>
/// What <see cref="CatalogSourceChecker"/> needs from a live source: the columns of one table (for MySQL, from
/// information_schema.COLUMNS), and whether a table's select and where run. Implementations open one connection per workflow and reuse it.
/// </summary>
public interface ISourceCatalog
{
    /// <summary>The table's column names, or null when the table does not exist.</summary>
    /// <param name="workflow">The workflow whose source to ask.</param>
    /// <param name="database">The schema, or null for the connection's database.</param>
    /// <param name="table">The table name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<IReadOnlyList<string>?> GetColumnsAsync(WorkflowDefinition workflow, string? database, string table, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the source to run the table's <c>select</c> list and <c>where</c> without reading a row; returns the
    /// source's own complaint (an unknown column, a syntax error), or null when the query runs.
    /// </summary>
    /// <param name="workflow">The workflow whose source to ask.</param>
    /// <param name="table">The table entry, with its select and where.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<string?> CheckQueryAsync(WorkflowDefinition workflow, TablePlanSpec table, CancellationToken cancellationToken);
}
