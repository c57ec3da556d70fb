using System.Globalization;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>Composes the filter one item reads with: the table's where, its chunk and its incremental slice.</summary>
public static class ItemFilter
{
    /// <summary>The conditions joined with AND, or null when the item reads the whole table.</summary>
    public static string? Compose(string? where, ChunkBounds? chunk, IncrementalBounds? incremental)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(where))
        {
            // The closing parenthesis on its own line: a where ending in a line comment (-- or #) cannot swallow it.
            conditions.Add($"({where.Trim()}\n)");
        }

        if (chunk is not null)
        {
            var column = SqlText.Identifier(chunk.Column);
            if (chunk.LowerInclusive is { } lower)
            {
                conditions.Add($"{column} >= {lower.ToString(CultureInfo.InvariantCulture)}");
            }

            if (chunk.UpperExclusive is { } upper)
            {
                conditions.Add($"{column} < {upper.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (incremental is not null)
        {
            conditions.AddRange(IncrementalConditions(incremental));
        }

        return conditions.Count == 0 ? null : string.Join(" AND ", conditions);
    }

    private static IEnumerable<string> IncrementalConditions(IncrementalBounds bounds)
    {
        var column = SqlText.Identifier(bounds.Column);
        if (bounds.UpperInclusive is null)
        {
            // The table had nothing to read when the run was planned; rows arriving later belong to the next run.
            yield return "FALSE";
            yield break;
        }

        if (bounds.LowerExclusive is { } lower)
        {
            yield return $"{column} > {SqlText.Literal(lower)}";
        }

        yield return $"{column} <= {SqlText.Literal(bounds.UpperInclusive)}";
    }
}
