using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BatchSync.Core.Runs;

/// <summary>
/// Identifies one run of a workflow. Defaults to <c>yyyyMMddTHHmmssZ-xxxxxx</c> (UTC start time and 6 random hex digits),
/// so ids sort by time; a caller may choose one (EventBridge passes the event time, so a retried schedule maps to the same run).
/// </summary>
public readonly partial record struct RunId
{
    private RunId(string value, DateTimeOffset? scheduledTime = null)
    {
        Value = value;
        ScheduledTime = scheduledTime;
    }

    public string Value { get; }

    /// <summary>The schedule's event time, when the id was given as one: the time the run stands for.</summary>
    public DateTimeOffset? ScheduledTime { get; }

    public static RunId New(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[3];
        RandomNumberGenerator.Fill(random);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new RunId($"{stamp}-{Convert.ToHexStringLower(random)}");
    }

    /// <summary>Accepts ids made of letters, digits, '-', '_' and '.', 1–64 characters: safe in S3 keys, Batch job names and BigQuery job ids.</summary>
    /// <remarks>
    /// An ISO-8601 UTC time (what an EventBridge schedule passes as the event time, e.g. <c>2026-11-21T18:00:00Z</c>) is
    /// accepted and becomes <c>20261121T180000Z</c>, so every delivery of one scheduled event names the same run.
    /// </remarks>
    public static bool TryParse(string? value, out RunId runId, out string? error)
    {
        runId = default;
        DateTimeOffset? scheduled = null;
        if (value is not null && value.Contains(':', StringComparison.Ordinal) && value.EndsWith('Z')
            && DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            value = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            scheduled = time;
        }

        if (string.IsNullOrEmpty(value) || !AllowedPattern().IsMatch(value))
        {
            error = $"Run id '{value}' is not valid: use 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit.";
            return false;
        }

        error = null;
        runId = new RunId(value, scheduled);
        return true;
    }

    public static RunId Parse(string value)
        => TryParse(value, out var runId, out var error) ? runId : throw new FormatException(error);

    public override string ToString() => Value;

    /// <summary>Runs are the same when their ids are; how the id was given does not matter.</summary>
    public bool Equals(RunId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AllowedPattern();
}
