using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>The sources' options are checked when a host starts: a cap below its base, a bad allowed address, a two-line agent.</summary>
public sealed class SourceOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        new SourceOptionsValidator().Validate(null, new SourceOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void Each_inconsistency_is_named()
    {
        var options = new SourceOptions { BackOffBase = TimeSpan.FromHours(2), BackOffMax = TimeSpan.FromHours(1), UserAgent = "a\r\nX-Injected: 1" };
        options.AllowedAddresses.Add("intranet.local");

        var result = new SourceOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldNotBeNull();
        result.Failures.Count().ShouldBe(3);
        result.FailureMessage.ShouldContain("Sources:BackOffMax");
        result.FailureMessage.ShouldContain("'intranet.local' is not an IP address");
        result.FailureMessage.ShouldContain("Sources:UserAgent must be one line");
    }
}
