using BatchSync.MySql.Protocol;

namespace BatchSync.MySql.Results;

/// <summary>One column of a result set, as described by the server's column definition packet.</summary>
/// <param name="Name">The column's alias in the result (what the select list calls it).</param>
/// <param name="OriginalName">The underlying table column, or empty for an expression.</param>
/// <param name="Table">The table alias, or empty for an expression.</param>
/// <param name="OriginalTable">The underlying table, or empty.</param>
/// <param name="Schema">The database of the underlying table, or empty.</param>
/// <param name="CharacterSet">Collation id of the value; 63 means binary.</param>
/// <param name="ColumnLength">Maximum display length in bytes.</param>
/// <param name="Type">Wire type code.</param>
/// <param name="Flags">Field flags.</param>
/// <param name="Decimals">Number of decimals (fractional-second precision for temporal types).</param>
/// <param name="ExtendedTypeFormat">MariaDB extended type info "format" (for example "json"), when the server sends it.</param>
/// <param name="ExtendedTypeName">MariaDB extended type info "type name" for plugin types (for example "inet6", "uuid").</param>
public sealed record MySqlColumn(
    string Name,
    string OriginalName,
    string Table,
    string OriginalTable,
    string Schema,
    int CharacterSet,
    uint ColumnLength,
    ColumnType Type,
    ColumnFlags Flags,
    byte Decimals,
    string? ExtendedTypeFormat = null,
    string? ExtendedTypeName = null)
{
    /// <summary>The collation id the server uses for binary strings.</summary>
    public const int BinaryCharacterSet = 63;

    public bool IsUnsigned => (Flags & ColumnFlags.Unsigned) != 0;

    public bool IsBinary => CharacterSet == BinaryCharacterSet;
}
