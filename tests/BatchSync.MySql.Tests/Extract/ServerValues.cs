using System.Text;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>
/// Reads what the server holds through the official client, hex-encoded so the client's escaping cannot blur it:
/// for each id, the value of an SQL expression as UTF-8 text, raw bytes, or null.
/// </summary>
internal static class ServerValues
{
    public static async Task<Dictionary<string, byte[]?>> BytesAsync(string database, string table, string expression, string? setup = null)
    {
        var server = await SharedMariaDb.GetAsync();
        var rows = await server.QueryAsync($"{setup}SELECT id, HEX({expression}) FROM `{table}` ORDER BY id;", database);
        return rows.ToDictionary(row => row[0], row => row[1] == "NULL" ? null : Convert.FromHexString(row[1]));
    }

    public static async Task<Dictionary<string, string?>> TextAsync(string database, string table, string expression, string? setup = null)
        => (await BytesAsync(database, table, expression, setup)).ToDictionary(p => p.Key, p => p.Value is null ? null : Encoding.UTF8.GetString(p.Value));
}
