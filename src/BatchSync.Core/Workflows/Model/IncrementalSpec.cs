namespace BatchSync.Core.Workflows.Model;

/// <summary>Read only rows changed since the last committed watermark, minus <see cref="Lookback"/> for late writers.</summary>
public sealed record IncrementalSpec(string Column, IncrementalLookback Lookback);
