using BatchSync.Core.Runs;

namespace BatchSync.Core.Work;

/// <summary>What an extraction staged: every row read and the parts it wrote, in order.</summary>
public sealed record ExtractedItem(long Rows, IReadOnlyList<StagedPart> Parts);
