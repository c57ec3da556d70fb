using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Schedules;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Binds a parsed workflow document to a <see cref="WorkflowDefinition"/>, section by section.</summary>
internal static partial class WorkflowReader
{
    public const string TopLevel = "the workflow";

    public static WorkflowDefinition? Read(ConfigNode root, string file, DiagnosticBag diagnostics)
    {
        if (root is not ConfigMap node)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, root.Location, $"a workflow file must be a map of keys (name, source, tables, …), found {root.Describe()}");
            return null;
        }

        var top = new MapReader(node, TopLevel, diagnostics, WorkflowKeys.TopLevel);
        var name = ReadName(top, file);
        var schedule = ReadSchedule(top);
        var timeZone = TimeZoneReader.Read(top, "timezone") ?? TimeZoneInfo.Utc;
        var source = SourceSectionReader.Read(top, Path.GetDirectoryName(file) ?? string.Empty);
        var staging = StagingSectionReader.Read(top);
        var destination = DestinationSectionReader.Read(top);
        var (defaults, defaultsMap) = DefaultsSectionReader.Read(top);
        var notify = NotifySectionReader.Read(top);
        CheckDefaultDateTime(defaults, defaultsMap, source);
        var tables = TablesSectionReader.Read(top, file, new TableContext(defaults, destination, source, timeZone));

        if (diagnostics.HasErrors || source is null || name is null)
        {
            return null;
        }

        return new WorkflowDefinition
        {
            Name = name,
            FilePath = file,
            Schedule = schedule,
            TimeZone = timeZone,
            Source = source,
            Staging = staging,
            Destination = destination,
            Defaults = defaults,
            Notify = notify,
            Tables = tables,
        };
    }

    private static string? ReadName(MapReader top, string file)
    {
        var scalar = top.Scalar("name");
        var name = scalar?.Value ?? Path.GetFileNameWithoutExtension(file);
        if (WorkflowName().IsMatch(name))
        {
            return name;
        }

        top.Diagnostics.Error(
            DiagnosticCodes.BadName,
            scalar?.Location ?? new SourceLocation(file, 1, 1),
            $"'{name}' cannot name a workflow (it becomes part of S3 keys and the EventBridge rule name)",
            "use 1-64 letters, digits, '_', '-' or '.'" + (scalar is null ? "; set name: or rename the file" : string.Empty));
        return null;
    }

    private static string? ReadSchedule(MapReader top)
    {
        var scalar = top.Scalar("schedule");
        if (scalar is null)
        {
            return null;
        }

        foreach (var problem in ScheduleExpression.Validate(scalar.Value))
        {
            top.Diagnostics.Error(DiagnosticCodes.BadSchedule, scalar.Location, $"schedule '{scalar.Value}': {problem}");
        }

        return scalar.Value;
    }

    private static void CheckDefaultDateTime(TableDefaults defaults, MapReader? defaultsMap, SourceSettings? source)
    {
        if (defaultsMap is not null && defaults.DateTime == DateTimeHandling.Timestamp && source is { TimeZone: null })
        {
            defaultsMap.Diagnostics.Error(
                DiagnosticCodes.MissingKey,
                defaultsMap.LocationOf("datetime"),
                "defaults.datetime timestamp converts DATETIME values from source.timezone, which is not set",
                "set source.timezone to the zone the application wrote them in, e.g. Asia/Tokyo");
        }

        if (defaultsMap is not null && defaults.Types == Schema.TypeProfile.Embulk && source is { TimeZone: null })
        {
            defaultsMap.Diagnostics.Error(
                DiagnosticCodes.MissingKey,
                defaultsMap.LocationOf("types"),
                "defaults.types embulk writes DATETIME, DATE and TIME values as TIMESTAMPs read in the zone embulk's JDBC driver used, and source.timezone, which names it, is not set",
                "set source.timezone to the MySQL server's time zone (SELECT @@system_time_zone), e.g. Asia/Tokyo");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowName();
}
