namespace BatchSync.MySql.Protocol;

/// <summary>Column definition flags (the subset of the protocol's field flags we act on).</summary>
[Flags]
public enum ColumnFlags : ushort
{
    None = 0,
    NotNull = 0x0001,
    PrimaryKey = 0x0002,
    UniqueKey = 0x0004,
    MultipleKey = 0x0008,
    Blob = 0x0010,
    Unsigned = 0x0020,
    ZeroFill = 0x0040,
    Binary = 0x0080,
    Enum = 0x0100,
    AutoIncrement = 0x0200,
    Timestamp = 0x0400,
    Set = 0x0800,
}
