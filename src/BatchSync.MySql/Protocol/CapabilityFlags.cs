namespace BatchSync.MySql.Protocol;

/// <summary>
/// Client/server capability bits. The low 32 bits are MySQL's; MariaDB carries its extended capabilities in the
/// upper 32 bits (sent in otherwise reserved handshake bytes).
/// </summary>
[Flags]
internal enum CapabilityFlags : ulong
{
    None = 0,
    LongPassword = 0x1,
    FoundRows = 0x2,
    LongFlag = 0x4,
    ConnectWithDatabase = 0x8,
    Protocol41 = 0x200,
    Ssl = 0x800,
    Transactions = 0x2000,
    SecureConnection = 0x8000,
    MultiStatements = 0x10000,
    MultiResults = 0x20000,
    PluginAuth = 0x80000,
    ConnectAttributes = 0x100000,
    PluginAuthLengthEncodedClientData = 0x200000,
    DeprecateEof = 0x1000000,

    /// <summary>MariaDB: column definitions carry extended type info (type name, format such as "json").</summary>
    MariaDbExtendedTypeInfo = 1UL << 35,
}
