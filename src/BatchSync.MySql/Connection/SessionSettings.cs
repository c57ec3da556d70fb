namespace BatchSync.MySql.Connection;

/// <summary>
/// The session every connection starts with, per server flavour, in one place. Each setting guards the export against
/// a server default that would change what we read or stop a long read halfway.
/// </summary>
internal static class SessionSettings
{
    /// <summary>
    /// Seconds the server waits for us to take more rows (or send more) before it drops the connection. Uploads apply
    /// back-pressure between network reads; the server default of 60 s would cut a large export off mid-table.
    /// </summary>
    public const int NetworkTimeoutSeconds = 3600;

    /// <summary>
    /// No PAD_CHAR_TO_FULL_LENGTH (CHAR values would arrive space-padded) and none of the modes that change how the
    /// user's select and where parse (ANSI_QUOTES, PIPES_AS_CONCAT, NO_BACKSLASH_ESCAPES).
    /// </summary>
    public const string SqlMode = "NO_ENGINE_SUBSTITUTION";

    /// <summary>The SET statement that follows the login.</summary>
    public static string Statement(ServerSession session)
    {
        // UTC so TIMESTAMP values arrive as UTC text; utf8mb4 so every string is valid UTF-8.
        List<string> settings =
        [
            "NAMES utf8mb4",
            "time_zone = '+00:00'",
            $"sql_mode = '{SqlMode}'",
            $"net_write_timeout = {NetworkTimeoutSeconds}",
            $"net_read_timeout = {NetworkTimeoutSeconds}",
        ];
        settings.AddRange(FlavourSettings(session));
        return "SET " + string.Join(", ", settings);
    }

    private static IEnumerable<string> FlavourSettings(ServerSession session)
    {
        var version = session.MajorMinor;
        if (session.IsMariaDb)
        {
            // A server-wide max_statement_time would stop a long export as if it had failed.
            if (version >= new Version(10, 1))
            {
                yield return "max_statement_time = 0";
            }

            yield break;
        }

        if (version >= new Version(5, 7))
        {
            yield return "max_execution_time = 0";
        }

        if (version.Major >= 8)
        {
            // MySQL 8 caches TABLE_ROWS and friends for a day by default; chunk planning needs current estimates.
            yield return "information_schema_stats_expiry = 0";
        }
    }
}
