namespace BatchSync.Core.Planning;

public sealed record KeyRange(long Min, long Max)
{
    /// <summary>How many keys the range could hold (an upper bound for the rows in it).</summary>
    public long Span => Max >= Min ? (long)Int128.Min((Int128)Max - Min + 1, long.MaxValue) : 0;
}
