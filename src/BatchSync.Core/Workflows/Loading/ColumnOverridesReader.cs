using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Naming;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads a table's <c>columns:</c> map of per-column overrides.</summary>
internal static class ColumnOverridesReader
{
    private static readonly string[] TypeNames = [.. Enum.GetValues<BigQueryType>().Select(t => t.ToApiName())];

    public static IReadOnlyDictionary<string, ColumnOverride> Read(MapReader table)
    {
        var overrides = new Dictionary<string, ColumnOverride>(StringComparer.Ordinal);
        if (table.Map("columns") is not { } columns)
        {
            return overrides;
        }

        foreach (var entry in columns.Entries)
        {
            var path = $"{table.PathOf("columns")}.{entry.Key.Value}";
            if (entry.Value is not ConfigMap node)
            {
                table.WrongType(entry.Value, path, "a map such as { type: NUMERIC }");
                continue;
            }

            var map = new MapReader(node, path, table.Diagnostics, WorkflowKeys.Column);
            var columnOverride = new ColumnOverride(ReadType(map), map.String("name"));
            CheckDestinationName(map, entry.Key, columnOverride.Name);
            overrides[entry.Key.Value] = columnOverride;
        }

        return overrides;
    }

    private static BigQueryType? ReadType(MapReader map)
    {
        var type = map.Scalar("type");
        if (type is null)
        {
            return null;
        }

        if (BigQueryTypeNames.TryParse(type.Value, out var parsed))
        {
            return parsed;
        }

        map.Diagnostics.Error(
            DiagnosticCodes.BadEnum,
            type.Location,
            $"{map.PathOf("type")} cannot be '{type.Value}'; allowed: {string.Join(", ", TypeNames)}",
            Suggestions.DidYouMean(type.Value.ToUpperInvariant(), TypeNames));
        return null;
    }

    private static void CheckDestinationName(MapReader map, ConfigScalar sourceName, string? rename)
    {
        if (rename is not null)
        {
            if (BigQueryNames.CheckColumn(rename) is { } renameError)
            {
                map.Diagnostics.Error(DiagnosticCodes.BadName, map.LocationOf("name"), $"{map.PathOf("name")}: {renameError}");
            }

            return;
        }

        if (BigQueryNames.CheckColumn(sourceName.Value) is { } error)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadName, sourceName.Location, $"{map.Where}: {error}", "add name: <a valid column name> to map it");
        }
    }
}
