using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>defaults:</c>, the per-table settings every table inherits.</summary>
internal static class DefaultsSectionReader
{
    private const string Where = "defaults";

    public static (TableDefaults Defaults, MapReader? Map) Read(MapReader top)
    {
        if (top.Map(Where) is not { } node)
        {
            return (TableDefaults.Standard, null);
        }

        var map = new MapReader(node, Where, top.Diagnostics, WorkflowKeys.Defaults);
        var standard = TableDefaults.Standard;
        var defaults = new TableDefaults
        {
            Mode = map.Enum("mode", EnumNames.LoadModes) ?? standard.Mode,
            ZeroDates = map.Enum("zero_dates", EnumNames.ZeroDatePolicies) ?? standard.ZeroDates,
            DateTime = map.Enum("datetime", EnumNames.DateTimeHandlings) ?? standard.DateTime,
            Types = map.Enum("types", EnumNames.TypeProfiles) ?? standard.Types,
            RecreateOnTypeChange = map.Boolean("recreate_on_type_change") ?? standard.RecreateOnTypeChange,
            Parallelism = (int?)map.Integer("parallelism", 1, 10_000) ?? standard.Parallelism,
            Retries = (int?)map.Integer("retries", 0, 100) ?? standard.Retries,
        };
        return (defaults, map);
    }
}
