namespace BatchSync.Commands.Validate;

/// <summary>What <c>batchsync validate</c> was asked to do.</summary>
internal sealed record ValidateOptions(
    IReadOnlyList<string> Files,
    bool All,
    string Directory,
    bool Connect,
    ValidateOutputFormat Format);

internal enum ValidateOutputFormat
{
    Text,
    Json,
}
