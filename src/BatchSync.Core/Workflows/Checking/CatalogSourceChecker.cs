using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Naming;

namespace BatchSync.Core.Workflows.Checking;

/// <summary>
/// <c>validate --connect</c> on top of an <see cref="ISourceCatalog"/>: every table must exist, every column the
/// table's settings name (key, incremental, partition, cluster, column overrides) must be one of its columns, and its
/// select list and where must run on the source.
/// Column names compare case-insensitively, as MySQL does.
/// </summary>
public sealed class CatalogSourceChecker(ISourceCatalog catalog) : IWorkflowSourceChecker
{
    public async ValueTask<IReadOnlyList<Diagnostic>> CheckAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var diagnostics = new DiagnosticBag();
        foreach (var table in workflow.ResolveTables())
        {
            var columns = await catalog.GetColumnsAsync(workflow, table.Database, table.Table, cancellationToken);
            if (columns is null)
            {
                var qualified = table.Database is null ? table.Table : $"{table.Database}.{table.Table}";
                diagnostics.Error(DiagnosticCodes.SourceCheck, table.Location, $"table '{qualified}' does not exist on the source", "check the name (and database:), and that the user may read it");
                continue;
            }

            CheckColumns(table, columns, diagnostics);
            CheckDestinationNames(table, columns, diagnostics);
            if ((table.Select is not null || table.Where is not null)
                && await catalog.CheckQueryAsync(workflow, table, cancellationToken) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.SourceCheck, table.Location, $"table '{table.Table}': select/where does not run on the source: {problem}", "fix the select list or where; they are sent to MySQL as written");
            }
        }

        return diagnostics.Items;
    }

    private static void CheckColumns(TablePlanSpec table, IReadOnlyList<string> columns, DiagnosticBag diagnostics)
    {
        var sourceNames = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        var destinationNames = new HashSet<string>(sourceNames, StringComparer.OrdinalIgnoreCase);
        destinationNames.UnionWith(table.Columns.Values.Select(c => c.Name).OfType<string>());

        foreach (var use in ColumnUses.Of(table))
        {
            var known = use.IsDestinationName ? destinationNames : sourceNames;
            if (!known.Contains(use.Column))
            {
                diagnostics.Error(
                    DiagnosticCodes.SourceCheck,
                    table.Location,
                    $"{use.Setting} names column '{use.Column}', which table '{table.Table}' does not have",
                    Suggestions.DidYouMean(use.Column, known) ?? $"its columns are: {string.Join(", ", columns)}");
            }
        }
    }

    // Without a select list every source column lands; each must be a name BigQuery takes, or be mapped.
    private static void CheckDestinationNames(TablePlanSpec table, IReadOnlyList<string> columns, DiagnosticBag diagnostics)
    {
        if (table.Select is not null)
        {
            return;
        }

        foreach (var column in columns)
        {
            var mapped = table.Columns.Any(c => string.Equals(c.Key, column, StringComparison.OrdinalIgnoreCase) && c.Value.Name is not null);
            if (!mapped && BigQueryNames.CheckColumn(column) is { } error)
            {
                diagnostics.Error(
                    DiagnosticCodes.SourceCheck,
                    table.Location,
                    $"table '{table.Table}': {error}",
                    $"map it: columns: {{ \"{column}\": {{ name: <new name> }} }}");
            }
        }
    }
}
