using System.Globalization;
using System.Text;
using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// How one column is compared: <see cref="SourceSql"/> reads the source value as unambiguous text with MariaDB's own
/// functions (hex for text and bytes, epoch milliseconds for timestamps), and <see cref="FromDestination"/> turns the
/// value BigQuery holds into the same form. Neither side goes through BatchSync's code.
/// </summary>
internal sealed record ColumnCheck(string Name, string SourceSql, Func<string, string> FromDestination, Func<string, string>? FromSource = null)
{
    public static ColumnCheck Integer(string name) => new(name, $"CAST({name} AS CHAR)", value => value);

    public static ColumnCheck Text(string name) => new(name, $"HEX({name})", value => Convert.ToHexString(Encoding.UTF8.GetBytes(value)));

    public static ColumnCheck Bytes(string name) => new(name, $"HEX({name})", value => Convert.ToHexString(Convert.FromBase64String(value)));

    public static ColumnCheck Decimal(string name) => new(name, $"CAST({name} AS CHAR)", NormalizeDecimal, NormalizeDecimal);

    public static ColumnCheck Double(string name) => new(name, $"CAST({name} AS CHAR)", NormalizeDouble, NormalizeDouble);

    public static ColumnCheck Date(string name) => new(name, $"DATE_FORMAT({name}, '%Y-%m-%d')", value => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static ColumnCheck DateTime(string name) => new(
        name,
        $"DATE_FORMAT({name}, '%Y-%m-%d %H:%i:%s.%f')",
        value => System.DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    /// <summary>A TIMESTAMP as milliseconds since the epoch: independent of any session or client time zone.</summary>
    public static ColumnCheck Timestamp(string name) => new(
        name,
        $"CAST(ROUND(UNIX_TIMESTAMP({name}) * 1000) AS CHAR)",
        value => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    private static string NormalizeDecimal(string value) => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.############################", CultureInfo.InvariantCulture);

    private static string NormalizeDouble(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}

internal static class SourceComparison
{
    /// <summary>Asserts the destination holds exactly the source rows (keyed by the first column), value by value.</summary>
    public static async Task AssertSameRowsAsync(RunSandbox sandbox, string sourceTable, IReadOnlyList<IReadOnlyDictionary<string, string?>> destination, params ColumnCheck[] columns)
    {
        var select = string.Join(", ", columns.Select(c => c.SourceSql));
        var source = await sandbox.Server.QueryAsync($"SELECT {select} FROM {sourceTable} ORDER BY {columns[0].Name}", sandbox.Database);
        var expected = source.Select(row => Render(columns.Select((c, i) => row[i] == "NULL" ? null : (c.FromSource ?? (v => v))(row[i])))).ToList();
        Assert.NotEmpty(expected);
        var actual = destination
            .Select(row => columns.Select(c => row[c.Name] is { } value ? c.FromDestination(value) : null).ToList())
            .OrderBy(values => long.Parse(values[0]!, CultureInfo.InvariantCulture))
            .Select(Render)
            .ToList();
        Assert.Equal(expected, actual);
    }

    private static string Render(IEnumerable<string?> values) => string.Join(" | ", values.Select(v => v ?? "<NULL>"));
}
