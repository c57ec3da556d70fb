using System.Text;

namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>COM_QUERY: the statement text after the command byte.</summary>
internal static class QueryCommand
{
    public static byte[] Create(string sql)
    {
        var payload = new byte[1 + Encoding.UTF8.GetByteCount(sql)];
        payload[0] = (byte)CommandCode.Query;
        Encoding.UTF8.GetBytes(sql, payload.AsSpan(1));
        return payload;
    }
}
