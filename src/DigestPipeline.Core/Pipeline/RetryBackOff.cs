namespace DigestPipeline.Core.Pipeline;

/// <summary>The wait of a loop whose storage calls fail: from 100 ms, doubled at each failure, capped; reset by a success.</summary>
public sealed class RetryBackOff(TimeSpan max)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    private TimeSpan _next = First;

    /// <summary>The wait before the next try, and doubles the one after.</summary>
    public TimeSpan Next()
    {
        var current = _next;
        _next = current * 2 > max ? max : current * 2;
        return current;
    }

    public void Reset() => _next = First;
}
