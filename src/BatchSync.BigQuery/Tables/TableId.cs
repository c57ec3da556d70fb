using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Tables;

/// <summary>
/// A table: project, dataset and table name. The name may carry a partition decorator (<c>orders$20261121</c>),
/// which copy jobs accept as source and destination and load jobs as destination; <see cref="WithoutDecorator"/> names
/// the table itself.
/// </summary>
public sealed record TableId
{
    public TableId(string projectId, string datasetId, string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        foreach (var part in new[] { projectId, datasetId, tableName })
        {
            if (part.Contains('`', StringComparison.Ordinal) || part.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The BigQuery name '{part}' contains a backtick or backslash, which BigQuery identifiers cannot hold.");
            }
        }

        ProjectId = projectId;
        DatasetId = datasetId;
        TableName = tableName;
    }

    public string ProjectId { get; }

    public string DatasetId { get; }

    public string TableName { get; }

    /// <summary>The partition decorator without '$', or null.</summary>
    public string? PartitionDecorator => TableName.IndexOf('$', StringComparison.Ordinal) is var i and >= 0 ? TableName[(i + 1)..] : null;

    public TableId WithoutDecorator => TableName.IndexOf('$', StringComparison.Ordinal) is var i and >= 0 ? new TableId(ProjectId, DatasetId, TableName[..i]) : this;

    /// <summary>One partition of this table (<c>orders$20261121</c>), as copy and load jobs name it.</summary>
    public TableId Partition(string decorator) => new(ProjectId, DatasetId, $"{WithoutDecorator.TableName}${decorator}");

    /// <summary>The table quoted for GoogleSQL: <c>`project`.`dataset`.`table`</c>.</summary>
    public string ToSql() => PartitionDecorator is null
        ? $"`{ProjectId}`.`{DatasetId}`.`{TableName}`"
        : throw new InvalidOperationException($"Table {this} has a partition decorator, which GoogleSQL does not accept.");

    public JsonObject ToJson() => new()
    {
        ["projectId"] = ProjectId,
        ["datasetId"] = DatasetId,
        ["tableId"] = TableName,
    };

    internal string ResourcePath => $"bigquery/v2/projects/{BigQueryTransport.Segment(ProjectId)}/datasets/{BigQueryTransport.Segment(DatasetId)}/tables/{BigQueryTransport.Segment(TableName)}";

    internal string CollectionPath => $"bigquery/v2/projects/{BigQueryTransport.Segment(ProjectId)}/datasets/{BigQueryTransport.Segment(DatasetId)}/tables";

    public override string ToString() => $"{ProjectId}.{DatasetId}.{TableName}";
}
