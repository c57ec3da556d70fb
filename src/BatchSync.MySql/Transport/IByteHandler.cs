namespace BatchSync.MySql.Transport;

/// <summary>Moves raw bytes to and from the server (plain socket or TLS); knows nothing about packets.</summary>
internal interface IByteHandler : IAsyncDisposable
{
    bool IsEncrypted { get; }

    /// <summary>True when bytes have already arrived on the socket, so a read would not wait.</summary>
    bool HasPendingData { get; }

    /// <summary>Reads whatever is available, at least one byte; returns 0 when the server closed the connection.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
