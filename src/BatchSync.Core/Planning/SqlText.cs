using System.Globalization;

namespace BatchSync.Core.Planning;

/// <summary>Quoting for the few pieces of SQL the planner writes itself.</summary>
public static class SqlText
{
    public static string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    public static string QualifiedTable(string database, string table) => $"{Identifier(database)}.{Identifier(table)}";

    /// <summary>A literal for a value the server printed: integers bare (so BIGINT compares exactly), anything else quoted.</summary>
    public static string Literal(string value)
        => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? value
            : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
