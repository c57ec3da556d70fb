namespace BatchSync.MySql.Schema;

/// <summary>
/// The SELECT an export runs, from the query and the planned column expressions. For all columns, an explicit column
/// list (so the CSV order is the plan's order even if the table gains columns later). A custom select runs as written,
/// wrapped in a derived table only when a column needs an expression of its own (geometry as <c>ST_AsText</c>, FLOAT
/// as DOUBLE) or is renamed.
/// </summary>
public static class SelectStatement
{
    private const string DerivedTableAlias = "`batchsync_source`";

    /// <param name="query">The table, select and where (a whole table's, or one item's narrower filter).</param>
    /// <param name="expressions">Per output column its expression: the quoted name, or for example <c>ST_AsText(`g`) AS `g`</c>.</param>
    public static string Build(TableQuery query, IReadOnlyList<string> expressions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expressions);
        var list = string.Join(", ", expressions);
        // The user's select and where each end a line, so a trailing line comment cannot swallow what follows.
        var where = query.HasFilter ? $" WHERE {query.Where!.Trim()}\n" : "";
        if (query.SelectsAllColumns)
        {
            return $"SELECT {list} FROM {query.QuotedName}{where}";
        }

        var plain = $"SELECT {query.Select!.Trim()}\nFROM {query.QuotedName}{where}";
        return expressions.Any(IsConverted) ? $"SELECT {list} FROM ({plain}\n) AS {DerivedTableAlias}" : plain;
    }

    /// <summary>A column read through a conversion or under another name rather than by its quoted name.</summary>
    private static bool IsConverted(string expression) => !expression.StartsWith('`') || expression.Contains(" AS ", StringComparison.Ordinal);
}
