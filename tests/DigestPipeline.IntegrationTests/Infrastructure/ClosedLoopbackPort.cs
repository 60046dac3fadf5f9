using System.Net;
using System.Net.Sockets;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>A loopback port nothing listens on (it was free a moment ago): connecting to it is refused.</summary>
public static class ClosedLoopbackPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
