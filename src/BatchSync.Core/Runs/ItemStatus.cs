namespace BatchSync.Core.Runs;

/// <summary>
/// What happened to one item, kept next to its parts (<c>items/&lt;item&gt;/status.json</c>). A retried lane skips
/// items whose status is <see cref="ItemState.Done"/>; anything else is redone. <see cref="Error"/> never holds secrets;
/// <see cref="FailedStep"/> says whether extracting or loading failed.
/// </summary>
public sealed record ItemStatus(
    string Table,
    string Item,
    ItemState State,
    int Attempts,
    long? Rows = null,
    IReadOnlyList<StagedPart>? Parts = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    double? ExtractSeconds = null,
    double? LoadSeconds = null,
    long? LoadedRows = null,
    string? Error = null,
    RunStep? FailedStep = null)
{
    public long CompressedBytes => Parts?.Sum(part => part.CompressedBytes) ?? 0;

    public long Bytes => Parts?.Sum(part => part.Bytes) ?? 0;
}
