using System.Net.Security;
using System.Net.Sockets;

namespace BatchSync.MySql.Transport;

/// <summary>TLS over the connection's socket; swapped in for the socket handler after the SSL request.</summary>
internal sealed class TlsByteHandler : IByteHandler
{
    private readonly SslStream _stream;
    private readonly Socket _socket;

    private TlsByteHandler(SslStream stream, Socket socket)
    {
        _stream = stream;
        _socket = socket;
    }

    public bool IsEncrypted => true;

    public bool HasPendingData => _socket.Available > 0;

    public static async Task<TlsByteHandler> NegotiateAsync(Socket socket, SslClientAuthenticationOptions options, CancellationToken cancellationToken)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsClientAsync(options, cancellationToken);
            return new TlsByteHandler(stream, socket);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _stream.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => _stream.WriteAsync(data, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }
}
