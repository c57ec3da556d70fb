using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>What a table entry is checked against: the sections read before <c>tables:</c>.</summary>
internal sealed record TableContext(TableDefaults Defaults, DestinationSettings Destination, SourceSettings? Source, TimeZoneInfo TimeZone);
