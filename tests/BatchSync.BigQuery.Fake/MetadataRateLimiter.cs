namespace BatchSync.BigQuery.Fake;

/// <summary>BigQuery allows about 5 metadata updates per table per 10 seconds; beyond that it answers 403 rateLimitExceeded.</summary>
internal sealed class MetadataRateLimiter(TimeProvider clock, int operations = 5, int windowSeconds = 10)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _updates = new(StringComparer.Ordinal);

    public void Record(string table)
    {
        var now = clock.GetUtcNow();
        if (!_updates.TryGetValue(table, out var recent))
        {
            _updates[table] = recent = new Queue<DateTimeOffset>();
        }

        while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(windowSeconds))
        {
            recent.Dequeue();
        }

        if (recent.Count >= operations)
        {
            throw new GoogleErrorException(403, "rateLimitExceeded", $"Exceeded rate limits: too many table update operations for this table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas");
        }

        recent.Enqueue(now);
    }
}
