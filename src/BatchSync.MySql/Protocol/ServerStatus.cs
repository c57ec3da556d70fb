namespace BatchSync.MySql.Protocol;

/// <summary>Server status bits from OK and EOF packets (the ones the client acts on).</summary>
[Flags]
internal enum ServerStatus : ushort
{
    None = 0,
    InTransaction = 0x0001,
    AutoCommit = 0x0002,
    MoreResultsExist = 0x0008,
}
