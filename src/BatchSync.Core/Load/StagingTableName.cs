using System.Text;

namespace BatchSync.Core.Load;

/// <summary>
/// The per-run staging table a table loads into before it lands: next to its destination, named after it and the
/// run, so a retried parent or lane finds the same table and what earlier attempts loaded into it.
/// </summary>
public static class StagingTableName
{
    /// <summary>Marks staging tables, so they are easy to recognise (and to clean up) in a dataset or schema.</summary>
    public const string Marker = "__batchsync_";

    /// <summary>The staging table of <paramref name="table"/> (a partition decorator is dropped) in run <paramref name="runId"/>.</summary>
    public static string Of(string table, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var decorator = table.IndexOf('$', StringComparison.Ordinal);
        var name = new StringBuilder(decorator < 0 ? table : table[..decorator]).Append(Marker);
        foreach (var c in runId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return name.ToString();
    }
}
