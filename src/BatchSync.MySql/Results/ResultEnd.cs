using BatchSync.MySql.Protocol;

namespace BatchSync.MySql.Results;

/// <summary>The OK or EOF packet that closed a result set.</summary>
internal readonly record struct ResultEnd(ServerStatus Status, ushort Warnings)
{
    public bool MoreResultsExist => (Status & ServerStatus.MoreResultsExist) != 0;
}
