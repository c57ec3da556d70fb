using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BatchSync.BigQuery.Jobs;

/// <summary>
/// Deterministic job ids: the same (run, item, part, step) always yields the same id, so a retried step finds the
/// job it already started (BigQuery answers 409) instead of loading the data a second time.
/// </summary>
public static class JobIds
{
    /// <summary>BigQuery's limit for a job id.</summary>
    public const int MaxLength = 1024;

    private const int HashLength = 16;

    public static string Create(string runId, string item, int part, string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        var readable = $"batchsync_{Sanitize(runId)}_{Sanitize(item)}_p{part.ToString(CultureInfo.InvariantCulture)}_{Sanitize(step)}";

        // Sanitizing is lossy ("a.b" and "a_b" look alike), so a hash of the exact inputs keeps distinct steps distinct.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}\n{item}\n{part}\n{step}")))[..HashLength];
        var room = MaxLength - HashLength - 1;
        return (readable.Length > room ? readable[..room] : readable) + "_" + hash;
    }

    /// <summary>Keeps [A-Za-z0-9_-]; everything else becomes '_'.</summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return builder.ToString();
    }
}
