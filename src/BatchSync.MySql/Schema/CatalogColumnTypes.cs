using BatchSync.MySql.Protocol;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>
/// The result metadata a plain <c>SELECT</c> of a table column would carry, from information_schema's DATA_TYPE:
/// enough for <see cref="TypeMapper"/>, which reads the finer details (TINYINT(1), BIT width, DECIMAL shape, JSON)
/// from the <see cref="SourceColumn"/> anyway. Types not listed here (plugin types such as INET6 or UUID, anything
/// newer) have no answer, and the table is described by its result metadata instead.
/// </summary>
internal static class CatalogColumnTypes
{
    private const int TextCharacterSet = 255;

    private static readonly Dictionary<string, (ColumnType Type, bool Binary)> WireTypes = new(StringComparer.Ordinal)
    {
        ["tinyint"] = (ColumnType.Tiny, false),
        ["smallint"] = (ColumnType.Short, false),
        ["mediumint"] = (ColumnType.Int24, false),
        ["int"] = (ColumnType.Long, false),
        ["bigint"] = (ColumnType.LongLong, false),
        ["decimal"] = (ColumnType.NewDecimal, false),
        ["float"] = (ColumnType.Float, false),
        ["double"] = (ColumnType.Double, false),
        ["year"] = (ColumnType.Year, false),
        ["bit"] = (ColumnType.Bit, false),
        ["date"] = (ColumnType.Date, false),
        ["datetime"] = (ColumnType.DateTime, false),
        ["timestamp"] = (ColumnType.Timestamp, false),
        ["time"] = (ColumnType.Time, false),
        ["json"] = (ColumnType.Json, false),
        ["char"] = (ColumnType.String, false),
        ["varchar"] = (ColumnType.VarString, false),
        ["tinytext"] = (ColumnType.Blob, false),
        ["text"] = (ColumnType.Blob, false),
        ["mediumtext"] = (ColumnType.Blob, false),
        ["longtext"] = (ColumnType.Blob, false),
        ["enum"] = (ColumnType.Enum, false),
        ["set"] = (ColumnType.Set, false),
        ["binary"] = (ColumnType.String, true),
        ["varbinary"] = (ColumnType.VarString, true),
        ["tinyblob"] = (ColumnType.Blob, true),
        ["blob"] = (ColumnType.Blob, true),
        ["mediumblob"] = (ColumnType.Blob, true),
        ["longblob"] = (ColumnType.Blob, true),
        ["geometry"] = (ColumnType.Geometry, true),
        ["point"] = (ColumnType.Geometry, true),
        ["linestring"] = (ColumnType.Geometry, true),
        ["polygon"] = (ColumnType.Geometry, true),
        ["multipoint"] = (ColumnType.Geometry, true),
        ["multilinestring"] = (ColumnType.Geometry, true),
        ["multipolygon"] = (ColumnType.Geometry, true),
        ["geometrycollection"] = (ColumnType.Geometry, true),
        ["geomcollection"] = (ColumnType.Geometry, true),
    };

    public static MySqlColumn? ResultOf(TableQuery query, SourceColumn column)
    {
        if (!WireTypes.TryGetValue(column.DataType, out var wire))
        {
            return null;
        }

        var flags = column.IsUnsigned ? ColumnFlags.Unsigned : ColumnFlags.None;
        var characterSet = wire.Binary ? MySqlColumn.BinaryCharacterSet : TextCharacterSet;
        return new MySqlColumn(column.Name, column.Name, query.Table, query.Table, query.Database, characterSet, ColumnLength: 0, wire.Type, flags, Decimals: 0);
    }
}
