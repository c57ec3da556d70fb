namespace BatchSync.Commands.Import;

/// <summary>The old job's files cannot be read at all (missing, not YAML); the message says which and where.</summary>
internal sealed class ImportException(string message) : Exception(message);
