namespace BatchSync.Commands.Run;

internal sealed record RunCommandOptions(
    string Workflow,
    bool Local,
    IReadOnlyList<string>? Tables,
    int? Parallelism,
    string? RunId,
    string? SecretsFile,
    string? Staging,
    DateOnly? RunDate = null);
