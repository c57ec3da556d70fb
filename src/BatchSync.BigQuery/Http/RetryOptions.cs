namespace BatchSync.BigQuery.Http;

/// <summary>How often and how patiently BigQuery requests are retried (exponential backoff with jitter).</summary>
public sealed record RetryOptions
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Checks the values up front so a misconfiguration fails at start-up, not on the first transient error.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttempts, 100, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, TimeSpan.Zero, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, InitialDelay, nameof(MaxDelay));
    }
}
