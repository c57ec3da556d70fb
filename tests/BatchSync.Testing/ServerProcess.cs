using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BatchSync.Testing;

/// <summary>What the throwaway servers of the tests share: a free loopback port, waiting until they listen, stopping them.</summary>
internal static class ServerProcess
{
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until the port accepts a connection; fails with <paramref name="describeExit"/> when the process dies first.</summary>
    public static async Task WaitUntilListeningAsync(Process process, int port, TimeSpan limit, Func<string> describeExit, CancellationToken cancellationToken, Func<bool>? readyToProbe = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(describeExit());
            }

            if (readyToProbe?.Invoke() ?? true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                    return;
                }
                catch (SocketException)
                {
                }
            }

            // Polling an external process until it listens; no test depends on this delay.
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Kills the server and removes its folder.</summary>
    public static async Task StopAsync(Process process, string directory)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
