namespace BatchSync.Commands.Import;

/// <summary>What <c>batchsync import embulk|digdag</c> was asked to read and where to write the workflow.</summary>
internal sealed record ImportOptions(string Kind, string File, string? TablesFile, string? Name, string? SourceTimeZone, string? Out);
