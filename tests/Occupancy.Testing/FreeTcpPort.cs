using System.Net;
using System.Net.Sockets;

namespace Occupancy.Testing;

/// <summary>Asks the OS for a loopback port nobody listens on right now.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A free port other than <paramref name="taken"/>: the OS may hand out the same one twice in a row.</summary>
    public static int NextExcept(params int[] taken)
    {
        while (true)
        {
            var port = Next();
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }

    /// <summary><paramref name="count"/> free ports, all different, for one process that listens on several.</summary>
    public static int[] Distinct(int count)
    {
        var ports = new List<int>(count);
        while (ports.Count < count)
        {
            ports.Add(NextExcept([.. ports]));
        }

        return [.. ports];
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
