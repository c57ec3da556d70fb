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
    public Task<BigQueryTable> CreateAsync(TableId table, TableDefinition definition, CancellationToken cancellationToken)
        => CreateAsync(table.WithoutDecorator, BigQueryTable.ToJson(table.WithoutDecorator, definition), cancellationToken);

    /// <summary>
    /// Creates a table with <paramref name="template"/>'s fields and table constraints exactly as BigQuery returned them,
    /// its layout, and <paramref name="description"/> and <paramref name="expiration"/> of its own (or returns it if it exists).
    /// </summary>
    public Task<BigQueryTable> CreateLikeAsync(TableId table, BigQueryTable template, string description, DateTimeOffset expiration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var id = table.WithoutDecorator;
        var body = BigQueryTable.ToJson(id, template.Definition with { Description = description, ExpirationTime = expiration });
        body["schema"] = new JsonObject { ["fields"] = template.Fields.DeepClone() };
        if (template.TableConstraints is not null)
        {
            body["tableConstraints"] = template.TableConstraints.DeepClone();
        }

        return CreateAsync(id, body, cancellationToken);
    }

    private async Task<BigQueryTable> CreateAsync(TableId id, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            var json = await transport.SendJsonAsync($"Creating table {id}", HttpMethod.Post, id.CollectionPath, body, cancellationToken);
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

    /// <summary>
    /// Appends NULLABLE columns. tables.patch replaces the schema with the one sent, so every existing field goes back
    /// exactly as tables.get returned it (<see cref="BigQueryTable.Fields"/>): sending a field without its
    /// description or policyTags would remove them.
    /// </summary>
    public async Task<BigQueryTable> AddColumnsAsync(BigQueryTable table, IReadOnlyList<BigQueryField> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(added);
        var id = table.Id.WithoutDecorator;
        var fields = table.Fields.DeepClone().AsArray();
        foreach (var field in new BigQueryTableSchema(added).ToJsonArray())
        {
            fields.Add(field!.DeepClone());
        }

        var body = new JsonObject { ["schema"] = new JsonObject { ["fields"] = fields } };
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
