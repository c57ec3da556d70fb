using System.Net;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Tables;

/// <summary>tables.get/insert/patch/delete.</summary>
public sealed class TablesClient(BigQueryTransport transport)
{
    public async Task<BigQueryTable?> GetAsync(TableId table, CancellationToken cancellationToken)
    {
        var id = table.WithoutDecorator;
        var json = await transport.GetOrNullAsync($"Reading table {id}", id.ResourcePath, cancellationToken);
        return json is null ? null : BigQueryTable.FromJson(id, json);
    }

    /// <summary>Creates the table; if it already exists (409), returns the existing one so concurrent creators agree.</summary>
    public async Task<BigQueryTable> CreateAsync(TableId table, TableDefinition definition, CancellationToken cancellationToken)
    {
        var id = table.WithoutDecorator;
        try
        {
            var json = await transport.SendJsonAsync($"Creating table {id}", HttpMethod.Post, id.CollectionPath, BigQueryTable.ToJson(id, definition), cancellationToken);
            return BigQueryTable.FromJson(id, json!);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await GetAsync(id, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    /// <summary>Replaces the table's schema with one that only adds NULLABLE columns (BigQuery rejects anything else).</summary>
    public async Task<BigQueryTable> PatchSchemaAsync(TableId table, BigQueryTableSchema schema, CancellationToken cancellationToken)
    {
        var id = table.WithoutDecorator;
        var body = new JsonObject { ["schema"] = new JsonObject { ["fields"] = schema.ToJsonArray() } };
        var json = await transport.SendJsonAsync($"Adding columns to table {id}", HttpMethod.Patch, id.ResourcePath, body, cancellationToken);
        return BigQueryTable.FromJson(id, json!);
    }

    /// <summary>Deletes the table; a table that does not exist counts as deleted.</summary>
    public async Task DeleteAsync(TableId table, CancellationToken cancellationToken)
    {
        var id = table.WithoutDecorator;
        try
        {
            await transport.SendJsonAsync($"Deleting table {id}", HttpMethod.Delete, id.ResourcePath, null, cancellationToken);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: the goal is reached.
        }
    }
}
