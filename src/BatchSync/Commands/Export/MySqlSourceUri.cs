using System.Globalization;

namespace BatchSync.Commands.Export;

/// <summary>
/// <c>mysql://USER@HOST[:PORT]/DATABASE</c>. A password in the URI is refused: it would show in the process list
/// and shell history; it comes from MYSQL_PWD instead.
/// </summary>
internal sealed record MySqlSourceUri(string User, string Host, int Port, string? Database)
{
    public const int DefaultPort = 3306;

    /// <summary>Parses the URI, or returns the reason it is unusable.</summary>
    public static MySqlSourceUri? TryParse(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "mysql" || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"'{Redact(text)}' is not a source URI of the form mysql://USER@HOST:PORT/DATABASE.";
            return null;
        }

        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            problem = "The source URI contains a password. Remove it from the URI and set the MYSQL_PWD environment variable instead, so it never appears in the process list or shell history.";
            return null;
        }

        if (uri.UserInfo.Length == 0)
        {
            problem = "The source URI names no user: use mysql://USER@HOST:PORT/DATABASE.";
            return null;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        return new MySqlSourceUri(Uri.UnescapeDataString(uri.UserInfo), uri.Host.Trim('[', ']'), port, database.Length == 0 ? null : database);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mysql://{User}@{Host}:{Port}/{Database}");

    /// <summary>Hides anything between "://" and "@" so a mistyped URI with a password is never echoed.</summary>
    private static string Redact(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        return start >= 0 && at > start ? text[..(start + 3)] + "…" + text[at..] : text;
    }
}
