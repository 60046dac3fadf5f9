using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>The next poll: the interval after a success; after failures a doubling wait, capped, never below the interval.</summary>
public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly SourceOptions Options = new() { BackOffBase = TimeSpan.FromMinutes(5), BackOffMax = TimeSpan.FromHours(2) };

    [Fact]
    public void A_success_waits_the_interval() =>
        PollSchedule.Next(Now, TimeSpan.FromMinutes(30), 0, Options).ShouldBe(Now.AddMinutes(30));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(5, 80)]
    [InlineData(6, 120)]
    [InlineData(60, 120)]
    public void Failures_double_the_wait_up_to_the_cap(int failures, int minutes) =>
        PollSchedule.Next(Now, TimeSpan.FromMinutes(1), failures, Options).ShouldBe(Now.AddMinutes(minutes));

    [Fact]
    public void A_failing_source_is_never_polled_sooner_than_its_interval() =>
        PollSchedule.Next(Now, TimeSpan.FromHours(6), 1, Options).ShouldBe(Now.AddHours(6));
}
