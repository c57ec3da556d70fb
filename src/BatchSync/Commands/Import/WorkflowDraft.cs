namespace BatchSync.Commands.Import;

/// <summary>
/// The workflow an import builds, section by section, in the order the file will list them. Values are strings,
/// numbers, booleans, string lists or nested sections; <see cref="WorkflowDraftWriter"/> turns it into YAML.
/// </summary>
internal sealed class WorkflowDraft
{
    public string? Name { get; set; }

    public string? Schedule { get; set; }

    /// <summary>A comment written next to <see cref="Schedule"/> (the original schedule and zone).</summary>
    public string? ScheduleComment { get; set; }

    public string? TimeZone { get; set; }

    public OrderedDictionary<string, object> Source { get; } = [];

    public OrderedDictionary<string, object> Destination { get; } = [];

    public OrderedDictionary<string, object> Defaults { get; } = [];

    public List<OrderedDictionary<string, object>> Tables { get; } = [];
}
