using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Pipeline;

public sealed class Jittered_backoff_doubles_up_to_its_cap
{
    [Fact]
    public void Each_delay_lies_in_the_upper_half_of_its_doubled_and_capped_bound()
    {
        var backoff = new JitteredBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), new Random(7));
        double[] bounds = [100, 200, 400, 800, 1000, 1000];

        for (var round = 0; round < 200; round++)
        {
            for (var attempt = 1; attempt <= bounds.Length; attempt++)
            {
                var delay = backoff.DelayAfter(attempt).TotalMilliseconds;
                delay.ShouldBeInRange(bounds[attempt - 1] / 2, bounds[attempt - 1]);
            }
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays()
    {
        var backoff = new JitteredBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new Random(11));

        var delays = Enumerable.Range(0, 50).Select(_ => backoff.DelayAfter(2)).Distinct().Count();

        delays.ShouldBeGreaterThan(40);
    }
}
