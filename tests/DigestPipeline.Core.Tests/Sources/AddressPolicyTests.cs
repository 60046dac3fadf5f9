using System.Net;
using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>Only public unicast addresses may be fetched from (SSRF): the checks behind the fetcher's connect callback.</summary>
public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.9.9.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "private")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("::ffff:192.168.0.1", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("255.255.255.255", "broadcast")]
    public void Non_public_addresses_are_refused_with_their_kind(string address, string kind) =>
        AddressPolicy.Problem(IPAddress.Parse(address)).ShouldNotBeNull().ShouldContain(kind);

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    public void Public_addresses_are_allowed(string address) =>
        AddressPolicy.Problem(IPAddress.Parse(address)).ShouldBeNull();
}
