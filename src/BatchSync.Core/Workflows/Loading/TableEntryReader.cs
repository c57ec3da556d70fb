using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Naming;
using BatchSync.Core.Workflows.Templates;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads one table entry, inline in the workflow or from an included list.</summary>
internal static class TableEntryReader
{
    private static readonly DateTimeOffset SampleRunTime = new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static TableSpec? Read(ConfigMap node, string where, TableContext context, DiagnosticBag diagnostics, bool included)
    {
        var map = new MapReader(node, where, diagnostics, WorkflowKeys.Table, included ? key => ToleratedEmbulkKey(key, where, diagnostics) : null);
        var table = ReadTable(map);
        var spec = new TableSpec
        {
            Table = table ?? string.Empty,
            Location = node.Location,
            Database = map.String("database"),
            OutTable = ReadOutTable(map, table),
            Dataset = ReadDataset(map),
            Select = NonEmpty(map.Scalar("select"))?.Value,
            Where = ReadWhere(map),
            Mode = map.Enum("mode", EnumNames.LoadModes),
            Key = ReadColumnList(map, "key"),
            DeleteMissing = map.Boolean("delete_missing"),
            Incremental = ReadIncremental(map),
            Partition = PartitionReader.Read(map),
            Cluster = ReadCluster(map),
            Chunk = map.Map("chunk") is { } chunk ? ReadChunk(new MapReader(chunk, map.PathOf("chunk"), diagnostics, WorkflowKeys.Chunk)) : null,
            Columns = ColumnOverridesReader.Read(map),
            ZeroDates = map.Enum("zero_dates", EnumNames.ZeroDatePolicies),
            DateTime = map.Enum("datetime", EnumNames.DateTimeHandlings),
            Types = map.Enum("types", EnumNames.TypeProfiles),
            RecreateOnTypeChange = map.Boolean("recreate_on_type_change"),
            Parallelism = (int?)map.Integer("parallelism", 1, 10_000),
            Retries = (int?)map.Integer("retries", 0, 100),
        };
        TableRules.Check(map, spec, context);
        return table is null ? null : spec;
    }

    private static string? ReadTable(MapReader map)
    {
        var table = map.RequiredString("table", "name the source table, e.g. table: orders");
        var dot = table?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot > 0 && !map.Has("database"))
        {
            map.Diagnostics.Error(
                DiagnosticCodes.BadValue,
                map.LocationOf("table"),
                $"{map.PathOf("table")} '{table}' looks like database.table",
                $"write database: {table![..dot]} and table: {table[(dot + 1)..]}; for a table whose name really contains '.', set database: too (and an out_table BigQuery accepts, such as {table.Replace('.', '_')})");
            return null;
        }

        return table;
    }

    private static bool ToleratedEmbulkKey(ConfigScalar key, string where, DiagnosticBag diagnostics)
    {
        if (!WorkflowKeys.EmbulkOnly.TryGetValue(key.Value, out var instead))
        {
            return false;
        }

        diagnostics.Warning(DiagnosticCodes.IgnoredKey, key.Location, $"'{key.Value}' in {where} is an embulk setting BatchSync does not read", instead);
        return true;
    }

    private static OutTableTemplate? ReadOutTable(MapReader map, string? table)
    {
        var scalar = NonEmpty(map.Scalar("out_table"));
        var text = scalar?.Value ?? table;
        if (text is null)
        {
            return null;
        }

        var location = scalar?.Location ?? map.LocationOf("table");
        var template = OutTableTemplate.Parse(text, out var error);
        if (template is null)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadTemplate, location, $"{map.PathOf("out_table")} '{text}': {error}");
            return null;
        }

        if (BigQueryNames.CheckTable(template.Render(SampleRunTime, TimeZoneInfo.Utc, table ?? "t")) is { } nameError)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.BadName,
                location,
                $"{map.PathOf(scalar is null ? "table" : "out_table")}: {nameError}",
                scalar is null ? "set out_table: to a name BigQuery accepts" : null);
        }

        return scalar is null ? null : template;
    }

    private static string? ReadDataset(MapReader map)
    {
        var dataset = NonEmpty(map.Scalar("dataset"));
        if (dataset is not null && BigQueryNames.CheckDataset(dataset.Value) is { } error)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadName, dataset.Location, $"{map.PathOf("dataset")}: {error}");
        }

        return dataset?.Value;
    }

    // Table lists kept for embulk often carry "" for "not set"; read it as absent, like an empty where.
    private static ConfigScalar? NonEmpty(ConfigScalar? scalar) => string.IsNullOrWhiteSpace(scalar?.Value) ? null : scalar;

    private static string? ReadWhere(MapReader map)
    {
        var where = map.String("where");
        if (where is not null && where.Replace(" ", string.Empty, StringComparison.Ordinal) == "1=1")
        {
            map.Diagnostics.Warning(
                DiagnosticCodes.RedundantFilter,
                map.LocationOf("where"),
                $"{map.PathOf("where")} '{where}' filters nothing",
                "omit where (or leave it empty) to read every row");
        }

        return string.IsNullOrWhiteSpace(where) ? null : where;
    }

    private static List<string> ReadColumnList(MapReader map, string key) =>
        [.. (map.StringList(key) ?? []).Select(s => s.Value)];

    private static IncrementalSpec? ReadIncremental(MapReader table)
    {
        if (table.Map("incremental") is not { } node)
        {
            return null;
        }

        var map = new MapReader(node, table.PathOf("incremental"), table.Diagnostics, WorkflowKeys.Incremental);
        var column = map.RequiredString("column", "the column that grows with every change, e.g. updated_at or an auto-increment id");
        var lookback = IncrementalLookback.None;
        if (map.Scalar("lookback") is { } text)
        {
            if (LookbackParser.Parse(text.Value) is { } parsed)
            {
                lookback = parsed;
            }
            else
            {
                map.Diagnostics.Error(DiagnosticCodes.BadValue, text.Location, $"{map.PathOf("lookback")} '{text.Value}' is neither a duration nor a number of values", "for a date/time column write a number and a unit (30s, 10m, 2h, 1d); for an integer column a number of values (5000)");
            }
        }

        return column is null ? null : new IncrementalSpec(column, lookback);
    }

    private static List<string> ReadCluster(MapReader map)
    {
        var columns = map.StringList("cluster") ?? [];
        const int MaxClusterColumns = 4;
        if (columns.Count > MaxClusterColumns)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadCluster, map.LocationOf("cluster"), $"{map.PathOf("cluster")} has {columns.Count} columns; BigQuery clusters by at most {MaxClusterColumns}");
        }

        foreach (var duplicate in columns.GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            map.Diagnostics.Error(DiagnosticCodes.BadCluster, duplicate.Skip(1).First().Location, $"{map.PathOf("cluster")} lists '{duplicate.Key}' twice");
        }

        foreach (var column in columns)
        {
            if (BigQueryNames.CheckColumn(column.Value) is { } error)
            {
                map.Diagnostics.Error(DiagnosticCodes.BadName, column.Location, $"{map.PathOf("cluster")}: {error}");
            }
        }

        return [.. columns.Select(c => c.Value)];
    }

    private static ChunkSpec? ReadChunk(MapReader map)
    {
        if (!map.Has("rows"))
        {
            map.ReportMissing("rows", "e.g. chunk: { rows: 5000000 }");
            return null;
        }

        return map.Integer("rows", 1) is { } rows ? new ChunkSpec(rows) : null;
    }
}
