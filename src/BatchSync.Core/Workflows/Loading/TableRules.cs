using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Checks that need a table's settings together with the workflow's (effective mode, dataset, zones).</summary>
internal static class TableRules
{
    public static void Check(MapReader map, TableSpec spec, TableContext context)
    {
        var mode = spec.Mode ?? context.Defaults.Mode;
        CheckKey(map, spec, mode);
        CheckIncremental(map, spec, mode);
        CheckDataset(map, spec, context);
        CheckDateTime(map, spec, context);
        CheckTypes(map, spec, context, mode);
    }

    private static void CheckTypes(MapReader map, TableSpec spec, TableContext context, LoadMode mode)
    {
        if (spec.Types == Schema.TypeProfile.Embulk && context.Source is { TimeZone: null })
        {
            map.Diagnostics.Error(
                DiagnosticCodes.MissingKey,
                map.LocationOf("types"),
                $"{map.PathOf("types")} embulk writes DATETIME, DATE and TIME values as TIMESTAMPs read in the zone embulk's JDBC driver used, and source.timezone, which names it, is not set",
                "set source.timezone to the MySQL server's time zone (SELECT @@system_time_zone), e.g. Asia/Tokyo");
        }

        if (spec.RecreateOnTypeChange == true && mode != LoadMode.Replace)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.Conflict,
                map.LocationOf("recreate_on_type_change"),
                $"{map.PathOf("recreate_on_type_change")} replaces the destination's column types, which only mode replace may do (mode {ModeName(mode)} keeps the rows already there)",
                "remove it, or use mode: replace");
        }
    }

    private static void CheckKey(MapReader map, TableSpec spec, LoadMode mode)
    {
        if (mode == LoadMode.Merge && !map.Has("key"))
        {
            map.ReportMissing("key", "mode merge upserts by key columns: add key: [id]");
        }
        else if (mode == LoadMode.Merge && map.Node("key") is ConfigSequence { Items.Count: 0 })
        {
            map.Diagnostics.Error(DiagnosticCodes.BadValue, map.LocationOf("key"), $"{map.PathOf("key")} is empty; mode merge needs at least one key column");
        }
        else if (mode != LoadMode.Merge && map.Has("key"))
        {
            map.WarnIgnored("key", "only mode merge uses key");
        }

        if (mode != LoadMode.Merge && spec.DeleteMissing == true)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.Conflict,
                map.LocationOf("delete_missing"),
                $"{map.PathOf("delete_missing")} deletes destination rows the source no longer has, which only mode merge does",
                "use mode: merge with key, or remove delete_missing (replace already drops them)");
        }
    }

    private static void CheckIncremental(MapReader map, TableSpec spec, LoadMode mode)
    {
        if (spec.Incremental is not null && mode is LoadMode.Replace or LoadMode.DeleteInAdvance)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.Conflict,
                map.LocationOf("incremental"),
                $"{map.PathOf("incremental")} reads only changed rows, but mode {ModeName(mode)} would replace the table with them",
                "use mode: append or mode: merge with incremental");
        }
    }

    private static void CheckDataset(MapReader map, TableSpec spec, TableContext context)
    {
        if (context.Destination.Type == DestinationType.BigQuery && spec.Dataset is null && context.Destination.Dataset is null && !map.Has("dataset"))
        {
            map.Diagnostics.Error(
                DiagnosticCodes.MissingKey,
                map.Location,
                $"{map.Where} has no dataset to land in",
                "set destination.dataset, or dataset: on this table");
        }
    }

    private static void CheckDateTime(MapReader map, TableSpec spec, TableContext context)
    {
        if (spec.DateTime == DateTimeHandling.Timestamp && context.Source is { TimeZone: null })
        {
            map.Diagnostics.Error(
                DiagnosticCodes.MissingKey,
                map.LocationOf("datetime"),
                $"{map.PathOf("datetime")} timestamp converts DATETIME values from source.timezone, which is not set",
                "set source.timezone to the zone the application wrote them in, e.g. Asia/Tokyo");
        }
    }

    private static string ModeName(LoadMode mode) => EnumNames.LoadModes.First(p => p.Value == mode).Key;
}
