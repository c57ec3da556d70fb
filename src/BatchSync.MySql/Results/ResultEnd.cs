using BatchSync.MySql.Protocol;

namespace BatchSync.MySql.Results;

/// <summary>The OK or EOF packet that closed a result set.</summary>
internal readonly record struct ResultEnd(ServerStatus Status, ushort Warnings)
{
    /// <summary>The result ended with an error packet (nothing follows it).</summary>
    public static ResultEnd ByError { get; } = new(ServerStatus.None, 0);

    public bool MoreResultsExist => (Status & ServerStatus.MoreResultsExist) != 0;
}
