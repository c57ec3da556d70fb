namespace BatchSync.MySql.Schema;

/// <summary>Quotes identifiers and literals for SQL text sent over the text protocol (which has no parameters).</summary>
public static class SqlIdentifier
{
    /// <summary>A backtick-quoted identifier; backticks inside the name are doubled.</summary>
    /// <exception cref="ArgumentException">The name is empty, too long, or contains a NUL character, which MySQL never allows.</exception>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > 64 || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid MySQL identifier (1–64 characters, no NUL).", nameof(name));
        }

        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>
    /// A string literal that means the same whatever the session's sql_mode (NO_BACKSLASH_ESCAPES, ANSI_QUOTES):
    /// the UTF-8 bytes as a hex literal, converted to utf8mb4.
    /// </summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0
            ? "_utf8mb4''"
            : $"CONVERT(X'{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value))}' USING utf8mb4)";
    }
}
