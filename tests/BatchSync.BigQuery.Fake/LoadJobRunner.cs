using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// Runs a CSV load job on uploaded bytes: gunzips them when they are gzip, parses them with BigQuery's CSV rules
/// against the job's schema and appends/replaces the destination's rows, all or nothing.
/// </summary>
internal static class LoadJobRunner
{
    public static JsonObject Run(FakeBigQueryState state, JsonObject load, string location, byte[] upload, DateTimeOffset now, int partitionsPerJob)
    {
        RequireOption(load, "sourceFormat", "CSV", "CSV");
        RequireOption(load, "fieldDelimiter", ",", ",");
        RequireOption(load, "quote", "\"", "\"");
        RequireOption(load, "encoding", "UTF-8", "UTF-8");
        if ((load["skipLeadingRows"]?.GetValue<int>() ?? 0) != 0)
        {
            throw GoogleErrorException.Invalid("The fake loads CSV without header rows only.");
        }

        var destination = load["destinationTable"] ?? throw GoogleErrorException.Invalid("Load configuration must specify destinationTable.");
        var projectId = destination["projectId"]!.GetValue<string>();
        var datasetId = destination["datasetId"]!.GetValue<string>();
        var tableName = destination["tableId"]!.GetValue<string>();
        JobLocation.Check(state, projectId, datasetId, location);
        var existing = state.Table(projectId, datasetId, tableName);
        var schema = load["schema"] is { } schemaNode ? TableResources.ReadSchema(schemaNode, "Load configuration") : existing?.Schema
            ?? throw GoogleErrorException.Invalid("No schema specified on job or table.");
        var writeDisposition = load["writeDisposition"]?.GetValue<string>() ?? "WRITE_APPEND";
        if (existing is not null && writeDisposition != "WRITE_TRUNCATE")
        {
            CheckSchemaMatches(existing, schema);
        }

        var data = Gunzip(upload);
        var preserveControl = load["preserveAsciiControlCharacters"]?.GetValue<bool>() ?? false;
        var rows = Parse(data, schema, load["allowQuotedNewlines"]?.GetValue<bool>() ?? false, preserveControl);

        var table = existing ?? CreateIfAllowed(state, load, projectId, datasetId, tableName, schema, now);
        var stored = rows.Select(values => new FakeRow(values, PartitionIds.Of(table, values, null, now))).ToList();
        PartitionIds.EnsureWithinJobLimit(stored.Select(row => row.PartitionId), partitionsPerJob);
        switch (writeDisposition)
        {
            case "WRITE_TRUNCATE":
                // JobConfigurationLoad.writeDisposition: "overwrites the data, removes the constraints and uses the schema from the load job".
                table.Rows = stored;
                table.Schema = schema;
                table.TableConstraints = null;
                break;
            case "WRITE_TRUNCATE_DATA":
                // "overwrites the data, but keeps the constraints and schema of the existing table".
                table.Rows = stored;
                break;
            case "WRITE_EMPTY" when table.Rows.Count > 0:
                throw JobFailedException.Single("duplicate", $"Already Exists: Table {projectId}:{datasetId}.{tableName}");
            default:
                table.Rows.AddRange(stored);
                break;
        }

        return new JsonObject
        {
            ["load"] = new JsonObject
            {
                ["inputFiles"] = "1",
                ["inputFileBytes"] = upload.Length.ToString(CultureInfo.InvariantCulture),
                ["outputRows"] = stored.Count.ToString(CultureInfo.InvariantCulture),
                ["badRecords"] = "0",
            },
        };
    }

    private static FakeTable CreateIfAllowed(FakeBigQueryState state, JsonObject load, string projectId, string datasetId, string tableName, List<FakeColumn> schema, DateTimeOffset now)
    {
        if (load["createDisposition"]?.GetValue<string>() == "CREATE_NEVER")
        {
            throw JobFailedException.Single("notFound", $"Not found: Table {projectId}:{datasetId}.{tableName}");
        }

        var table = new FakeTable(projectId, datasetId, tableName) { Created = now, Schema = schema };
        state.Tables[table.Key] = table;
        return table;
    }

    private static void CheckSchemaMatches(FakeTable table, List<FakeColumn> schema)
    {
        foreach (var column in schema)
        {
            var existing = table.Column(column.Name);
            if (existing is not null && existing.Type != column.Type)
            {
                throw JobFailedException.Single("invalid", $"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Field {column.Name} has changed type from {existing.Type} to {column.Type}");
            }

            if (existing is null)
            {
                throw JobFailedException.Single("invalid", $"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Cannot add fields (field: {column.Name})");
            }
        }
    }

    private static List<Dictionary<string, string?>> Parse(byte[] data, List<FakeColumn> schema, bool allowQuotedNewlines, bool preserveControl)
    {
        var rows = new List<Dictionary<string, string?>>();
        try
        {
            foreach (var record in BigQueryCsvReader.Read(data, allowQuotedNewlines))
            {
                rows.Add(ParseRecord(record, schema, preserveControl));
            }
        }
        catch (CsvFormatException ex)
        {
            throw Failed(rows.Count + 1, ex.Message, ex.Position);
        }

        return rows;
    }

    private static Dictionary<string, string?> ParseRecord(CsvRecord record, List<FakeColumn> schema, bool preserveControl)
    {
        if (record.Fields.Count > schema.Count)
        {
            throw Failed(record.Row, $"Too many values in row starting at position: {record.Position}. Found {record.Fields.Count} column(s) while expected {schema.Count}.", record.Position);
        }

        if (record.Fields.Count < schema.Count)
        {
            throw Failed(record.Row, $"CSV table references column position {schema.Count - 1}, but line contains only {record.Fields.Count} columns.", record.Position);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < schema.Count; i++)
        {
            var column = schema[i];
            var field = record.Fields[i];
            if (!preserveControl && field.Text.Contains('\0', StringComparison.Ordinal))
            {
                throw Failed(record.Row, $"Bad character (ASCII 0) encountered in field {column.Name} (position {i}) of row starting at position: {record.Position}.", record.Position);
            }

            string? value;
            if (field.Text.Length == 0)
            {
                // Default null marker: unquoted empty is NULL; quoted empty is an empty STRING/BYTES and NULL otherwise.
                value = field.Quoted && column.Type is "STRING" or "BYTES" ? string.Empty : null;
            }
            else
            {
                try
                {
                    value = CsvValueParser.Parse(column.Type, field.Text);
                }
                catch (FormatException ex)
                {
                    throw Failed(record.Row, $"Could not parse '{field.Text}' as {column.Type} for field {column.Name} (position {i}) starting at location {record.Position} with message '{ex.Message}'", record.Position);
                }
            }

            if (value is null && column.Mode == "REQUIRED")
            {
                throw Failed(record.Row, $"Required field {column.Name} cannot be null", record.Position);
            }

            values[column.Name] = value;
        }

        return values;
    }

    private static JobFailedException Failed(int row, string detail, long position)
    {
        var summary = $"Error while reading data, error message: CSV processing encountered too many errors, giving up. Rows: {row}; errors: 1. Please look into the errors[] collection for more details.";
        return new JobFailedException("invalid", summary,
        [
            new JsonObject { ["reason"] = "invalid", ["message"] = summary },
            new JsonObject { ["reason"] = "invalid", ["location"] = $"row {row}, position {position}", ["message"] = $"Error while reading data, error message: {detail}" },
        ]);
    }

    private static byte[] Gunzip(byte[] upload)
    {
        if (upload.Length < 2 || upload[0] != 0x1f || upload[1] != 0x8b)
        {
            return upload;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(upload), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw JobFailedException.Single("invalid", "Error while reading data, error message: The gzip data is corrupt.");
        }
    }

    private static void RequireOption(JsonObject load, string name, string supported, string fallback)
    {
        var value = load[name]?.GetValue<string>() ?? fallback;
        if (value != supported)
        {
            throw GoogleErrorException.Invalid($"The fake supports {name} '{supported}' only, not '{value}'.");
        }
    }
}
