using System.Net;
using System.Net.Sockets;

namespace KindnessBot.Testing;

public static class Loopback
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago, for programs that must be told their port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
