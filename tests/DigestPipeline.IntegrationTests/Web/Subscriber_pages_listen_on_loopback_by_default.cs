using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Web;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

public sealed class Subscriber_pages_listen_on_loopback_by_default(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Without_Web_Urls_the_server_listens_on_127_0_0_1_7071_only()
    {
        var ct = TestContext.Current.CancellationToken;
        new WebOptions().Urls.ShouldBe("http://127.0.0.1:7071");

        await using var pages = await SubscriberPagesHost.StartAsync(azurite, ct, webUrls: null);

        pages.Addresses.ShouldBe(["http://127.0.0.1:7071"]);
        (await pages.Http.GetAsync("/unsubscribe?token=x", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var address in NonLoopbackAddresses())
        {
            using var client = new TcpClient(address.AddressFamily);
            await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(address, 7071, ct), $"{address} must not be served");
        }
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal);
}
