using BatchSync.MySql.Protocol;

namespace BatchSync.MySql.Connection;

/// <summary>What the login settled: who the server is and which capabilities both sides agreed on.</summary>
internal sealed record ServerSession(string ServerVersion, bool IsMariaDb, uint ConnectionId, CapabilityFlags Capabilities)
{
    public bool DeprecateEof => (Capabilities & CapabilityFlags.DeprecateEof) != 0;

    public bool HasExtendedTypeInfo => (Capabilities & CapabilityFlags.MariaDbExtendedTypeInfo) != 0;
}
