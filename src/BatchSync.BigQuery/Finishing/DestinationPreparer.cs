using System.Text.Json.Nodes;
using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Makes sure the destination can take the new data: the dataset exists (when asked), the table exists with the
/// requested partitioning and clustering, and new columns are added. Type or mode changes fail with a readable diff.
/// </summary>
internal sealed class DestinationPreparer(DatasetsClient datasets, TablesClient tables, string location)
{
    public async Task<BigQueryTable> EnsureAsync(DestinationSpec spec, CancellationToken cancellationToken)
    {
        spec.Validate();
        var table = spec.Table.WithoutDecorator;
        if (spec.Table.PartitionDecorator is { } decorator && PartitionCheckStatement.ProblemWith(decorator, spec.Definition) is { } problem)
        {
            throw new DestinationLayoutException($"{spec.Table}: {problem}. Make the decorator of out_table match the table's partition: setting.");
        }

        if (spec.CreateDatasetIfMissing)
        {
            await datasets.EnsureAsync(table.ProjectId, table.DatasetId, location, cancellationToken);
        }

        var existing = await tables.GetAsync(table, cancellationToken);
        if (existing is null)
        {
            return await tables.CreateAsync(table, spec.Definition with { ExpirationTime = null }, cancellationToken);
        }

        if (!existing.Definition.HasSameLayoutAs(spec.Definition))
        {
            throw new DestinationLayoutException(table, existing.Definition, spec.Definition);
        }

        var diff = SchemaDiff.Compare(existing.Definition.Schema, spec.Definition.Schema);
        if (diff.HasConflicts && spec.RecreateOnTypeChange)
        {
            // Landing copies staging over the destination with WRITE_TRUNCATE, which takes the staging schema along
            // with the rows: the old types are replaced in the same atomic step, and kept if the run fails before it.
            // So staging is made from the new schema here, not from the destination's own fields.
            var recreated = BigQueryTable.ToJson(table, spec.Definition with { ExpirationTime = null });
            return existing with { Definition = spec.Definition, Fields = (JsonArray)recreated["schema"]!["fields"]!.DeepClone(), TableConstraints = null };
        }

        if (diff.HasConflicts)
        {
            throw new SchemaConflictException(table, diff.Conflicts);
        }

        return diff.AddedColumns.Count == 0
            ? existing
            : await tables.AddColumnsAsync(existing, diff.AddedColumns, cancellationToken);
    }
}
