using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes: no fixed sleeps, no timing assertions.</summary>
public static class AzuriteEventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var wait = TestWaits.Scaled(timeout ?? DefaultTimeout);
        var deadline = DateTime.UtcNow + wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still not true after {wait}: {what}");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);
}
