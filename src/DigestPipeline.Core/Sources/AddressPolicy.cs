using System.Net;
using System.Net.Sockets;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// Which addresses a feed or page may be fetched from: public unicast only, unless private addresses are allowed.
/// Checked on the address actually connected to (after DNS resolution, on every redirect), so neither a name that
/// resolves to 127.0.0.1 nor a redirect to 169.254.169.254 (a cloud's metadata service) reaches the host's network.
/// </summary>
public static class AddressPolicy
{
    /// <returns>Why the address may not be used (loopback, private, …), or null when it is public.</returns>
    public static string? Problem(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "a loopback address";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "an unspecified (0.0.0.0/8) address",
                10 => "a private address",
                100 when b[1] is >= 64 and <= 127 => "a shared (carrier-grade NAT) address",
                169 when b[1] == 254 => "a link-local address",
                172 when b[1] is >= 16 and <= 31 => "a private address",
                192 when b[1] == 168 => "a private address",
                192 when b[1] == 0 && b[2] == 0 => "a reserved (192.0.0.0/24) address",
                198 when b[1] is 18 or 19 => "a reserved (benchmarking) address",
                >= 224 and <= 239 => "a multicast address",
                >= 240 => "a reserved or broadcast address",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any)) return "an unspecified address";
            if (address.IsIPv6Multicast) return "a multicast address";
            if (address.IsIPv6LinkLocal) return "a link-local address";
            if (address.IsIPv6SiteLocal) return "a site-local address";
            if (address.IsIPv6UniqueLocal) return "a private (unique local) address";
            var b = address.GetAddressBytes();
            // NAT64 and 6to4 embed an IPv4 address: judge that one.
            if (b[0] == 0x20 && b[1] == 0x02) return Problem(new IPAddress(b.AsSpan(2, 4)));
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return Problem(new IPAddress(b.AsSpan(12, 4)));
            return null;
        }

        return "not an IP address";
    }
}
