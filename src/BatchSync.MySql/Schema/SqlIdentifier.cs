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

    /// <summary>
    /// A condition matching an information_schema name column to a database or table name the way the server resolves
    /// names: binary where names are case-sensitive (lower_case_table_names = 0), so <c>Orders</c> and <c>orders</c> are
    /// not mixed up by the column's case-insensitive collation; case-insensitively where the server folds case.
    /// </summary>
    public static string NameEquals(string column, string name)
    {
        var literal = Literal(name);
        return $"({column} = {literal} COLLATE utf8mb4_bin OR (@@lower_case_table_names <> 0 AND {column} = {literal}))";
    }
}
