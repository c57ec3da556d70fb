namespace BatchSync.Core.Stage;

/// <summary>
/// Something could not be written to the staging folder (permissions, a missing folder, a file where a folder should
/// be, a full disk). An <see cref="IOException"/>, so a lane retries it like other I/O trouble.
/// </summary>
public sealed class StagingWriteException : IOException
{
    public StagingWriteException()
    {
    }

    public StagingWriteException(string message)
        : base(message)
    {
    }

    public StagingWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
