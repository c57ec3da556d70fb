using System.Net.Sockets;

namespace BatchSync.MySql.Transport;

/// <summary>Plain TCP straight on the socket, the fastest path for bulk reads.</summary>
internal sealed class SocketByteHandler(Socket socket) : IByteHandler
{
    public Socket Socket { get; } = socket;

    public bool IsEncrypted => false;

    public bool HasPendingData => Socket.Available > 0;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => Socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await Socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
