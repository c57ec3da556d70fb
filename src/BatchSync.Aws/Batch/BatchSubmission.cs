namespace BatchSync.Aws.Batch;

/// <summary>What to submit: an array job of <see cref="Size"/> children (a plain job when Size is 1) running <see cref="Command"/>.</summary>
public sealed record BatchSubmission(
    string JobName,
    string JobQueue,
    string JobDefinition,
    int Size,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    int Attempts,
    IReadOnlyDictionary<string, string> Tags);
