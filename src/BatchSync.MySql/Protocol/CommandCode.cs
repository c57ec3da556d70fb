namespace BatchSync.MySql.Protocol;

/// <summary>First byte of a command-phase packet.</summary>
internal enum CommandCode : byte
{
    Quit = 0x01,
    Query = 0x03,
    Ping = 0x0e,
    ResetConnection = 0x1f,
}
