using System.Security.Cryptography;
using System.Text;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>
/// A SHA-256 of what a run was asked to copy: the destination and every selected table with its resolved settings.
/// Credentials never take part (the request holds none). Stored in the manifest, compared when a run id is resumed.
/// </summary>
public static class WorkflowFingerprint
{
    public static string Of(DestinationSummary destination, IEnumerable<TablePlanRequest> tables)
    {
        var text = RunJson.Serialize(new { destination, tables = tables.ToList() });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
