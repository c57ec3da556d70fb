using System.Globalization;
using BatchSync.MySql.Protocol;

namespace BatchSync.MySql.Connection;

/// <summary>What the login settled: who the server is and which capabilities both sides agreed on.</summary>
internal sealed record ServerSession(string ServerVersion, bool IsMariaDb, uint ConnectionId, CapabilityFlags Capabilities)
{
    public bool DeprecateEof => (Capabilities & CapabilityFlags.DeprecateEof) != 0;

    public bool HasExtendedTypeInfo => (Capabilities & CapabilityFlags.MariaDbExtendedTypeInfo) != 0;

    /// <summary>
    /// Major and minor of the version string ("8.0.36-log", "10.11.6-MariaDB", Aurora's "8.0.mysql_aurora.3.05.2");
    /// the patch level is left out because only development milestones differ within a minor for what we check.
    /// </summary>
    public Version MajorMinor
    {
        get
        {
            var parts = ServerVersion.Split('.', 3);
            return parts.Length >= 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && int.TryParse(new string([.. parts[1].TakeWhile(char.IsAsciiDigit)]), NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
                ? new Version(major, minor)
                : new Version(0, 0);
        }
    }

    /// <summary>MySQL (not MariaDB) 8.0 or later, Aurora MySQL 3 included.</summary>
    public bool IsMySql8 => !IsMariaDb && MajorMinor.Major >= 8;
}
