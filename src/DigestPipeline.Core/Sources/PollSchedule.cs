namespace DigestPipeline.Core.Sources;

/// <summary>When a source is next polled: its interval after a success; after failures, a wait that doubles from
/// <see cref="SourceOptions.BackOffBase"/> per consecutive failure, capped at <see cref="SourceOptions.BackOffMax"/>,
/// and never sooner than the interval (a failing site is asked less often, never more).</summary>
public static class PollSchedule
{
    public static DateTimeOffset Next(DateTimeOffset now, TimeSpan every, int consecutiveFailures, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (consecutiveFailures <= 0)
            return now + every;
        return now + Max(every, BackOff(consecutiveFailures, options));
    }

    public static TimeSpan BackOff(int consecutiveFailures, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // 2^(n-1) overflows nothing: beyond 30 doublings every base is past any cap.
        var doublings = Math.Min(consecutiveFailures - 1, 30);
        var ticks = options.BackOffBase.Ticks * (double)(1L << doublings);
        return ticks >= options.BackOffMax.Ticks ? options.BackOffMax : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
