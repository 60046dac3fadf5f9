using System.Collections.Concurrent;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

public sealed class SingletonTimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Every second (6-field cron), a quickly retried lock.</summary>
    private static readonly Dictionary<string, string?> EverySecond = new()
    {
        ["LocalHost:TimerSchedule"] = "* * * * * *",
        ["LocalHost:TimerLeaseDuration"] = "00:00:15",
        ["LocalHost:TimerLockRetryInterval"] = "00:00:00.100",
    };

    private async Task<ServiceProvider> HostServicesAsync(string hostName, string timerName, ConcurrentQueue<(string, DateTimeOffset)> runs, bool fail = false)
    {
        var services = azurite.BuildServices(EverySecond, s => s.AddSingleton<ITimerHandler>(new RecordingTimerHandler(timerName, hostName, runs, fail)), localHost: true);
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        return services;
    }

    [Fact]
    public async Task Two_timers_on_one_account_run_each_occurrence_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new ConcurrentQueue<(string Host, DateTimeOffset Now)>();
        await using var hostA = await HostServicesAsync("a", "plan", runs);
        await using var hostB = await HostServicesAsync("b", "plan", runs);
        var timerA = ActivatorUtilities.CreateInstance<SingletonTimer>(hostA);
        var timerB = ActivatorUtilities.CreateInstance<SingletonTimer>(hostB);

        await Task.WhenAll(timerA.StartAsync(ct), timerB.StartAsync(ct));
        await AzuriteEventually.UntilAsync(() => runs.Count >= 4, "the timer ran at start and at three occurrences");
        await Task.WhenAll(timerA.StopAsync(ct), timerB.StopAsync(ct));

        var all = runs.ToList();
        all.Select(r => r.Now).Distinct().Count().ShouldBe(all.Count, $"runs: {string.Join(", ", all)}");
        all.Select(r => r.Host).Distinct().ShouldHaveSingleItem($"one host holds the lock: {string.Join(", ", all)}");
        all.Skip(1).Take(3).ShouldAllBe(r => r.Now.Millisecond == 0 && r.Now.Microsecond == 0, "scheduled runs get the occurrence instant");
    }

    [Fact]
    public async Task Failing_run_is_logged_and_the_timer_keeps_going()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new ConcurrentQueue<(string Host, DateTimeOffset Now)>();
        await using var host = await HostServicesAsync("a", "always-fails", runs, fail: true);
        var timer = ActivatorUtilities.CreateInstance<SingletonTimer>(host);

        await timer.StartAsync(ct);
        await AzuriteEventually.UntilAsync(() => runs.Count >= 3, "the timer ran again after failures");
        await timer.StopAsync(ct);

        timer.ExecuteTask.ShouldNotBeNull().IsFaulted.ShouldBeFalse();
    }

    [Fact]
    public async Task Each_timer_runs_on_its_own_schedule_unless_the_host_setting_overrides_them_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new ConcurrentQueue<(string Timer, DateTimeOffset Now)>();
        var settings = new Dictionary<string, string?>(EverySecond) { ["LocalHost:TimerSchedule"] = null };
        await using var host = azurite.BuildServices(settings, s => s
            .AddSingleton<ITimerHandler>(new RecordingTimerHandler("every-second", "every-second", runs, schedule: "* * * * * *"))
            .AddSingleton<ITimerHandler>(new RecordingTimerHandler("yearly", "yearly", runs, schedule: "0 0 1 1 *")), localHost: true);
        await host.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var timer = ActivatorUtilities.CreateInstance<SingletonTimer>(host);

        await timer.StartAsync(ct);
        await AzuriteEventually.UntilAsync(() => runs.Count(r => r.Timer == "every-second") >= 4, "the every-second timer ran at start and at three occurrences");
        await AzuriteEventually.UntilAsync(() => runs.Any(r => r.Timer == "yearly"), "the yearly timer ran at start");
        await timer.StopAsync(ct);

        runs.Count(r => r.Timer == "yearly").ShouldBe(1, $"the yearly timer ran only when it got its lock: {string.Join(", ", runs)}");
    }
}
