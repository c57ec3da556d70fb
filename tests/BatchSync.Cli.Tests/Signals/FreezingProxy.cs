using System.Net;
using System.Net.Sockets;

namespace BatchSync.Cli.Tests.Signals;

/// <summary>
/// A TCP proxy in front of a real MariaDB that stops passing the server's bytes on once a connection has received
/// more than <c>freezeAfterBytes</c>: to the client the server looks frozen mid-result (as with SIGSTOP on mariadbd),
/// without freezing the server other tests share.
/// </summary>
internal sealed class FreezingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _host;
    private readonly int _port;
    private readonly long _freezeAfterBytes;
    private readonly List<Task> _connections = [];
    private int _frozen;

    private FreezingProxy(string host, int port, long freezeAfterBytes)
    {
        _host = host;
        _port = port;
        _freezeAfterBytes = freezeAfterBytes;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections froze.</summary>
    public int Frozen => Volatile.Read(ref _frozen);

    public static FreezingProxy Start(string host, int port, long freezeAfterBytes)
    {
        var proxy = new FreezingProxy(host, port, freezeAfterBytes);
        proxy._listener.Start();
        proxy._connections.Add(proxy.AcceptAsync());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await Task.WhenAll(_connections);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopping tears the connections down.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            var toServer = PumpAsync(client.GetStream(), server.GetStream(), freezes: false);
            var toClient = PumpAsync(server.GetStream(), client.GetStream(), freezes: true);
            await Task.WhenAny(toServer, toClient);
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool freezes)
    {
        var buffer = new byte[16384];
        long passed = 0;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                passed += read;
                if (freezes && passed > _freezeAfterBytes)
                {
                    Interlocked.Increment(ref _frozen);
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other side went away, or the proxy stopped.
        }
    }
}
