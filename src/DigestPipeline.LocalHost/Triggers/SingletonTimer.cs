using Azure;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

/// <summary>
/// The local host's timer trigger: runs each <see cref="ITimerHandler"/> once when it gets the handler's lock and at
/// every occurrence of the schedule, only while holding a renewed lease on
/// <c>azure-webjobs-hosts/locks/{hostId}/{handler name}</c>, so that of several hosts on one account exactly one
/// runs it. The scheduled runs get the occurrence instant (the same on every host), the start run the current time.
/// A failing run is logged and the next occurrence runs as usual.
/// </summary>
public sealed class SingletonTimer(
    IEnumerable<ITimerHandler> handlers,
    BlobServiceClient blobs,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    HostHealth health,
    ILogger<SingletonTimer> logger) : BackgroundService
{
    private readonly BlobContainerClient _hosts = blobs.GetBlobContainerClient(StorageInitializer.HostContainer);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // LocalHost:TimerSchedule, when set, overrides every handler's own schedule (tests tick fast with it).
        var scheduled = handlers.Select(h => (Handler: h, Schedule: CronSchedule.Parse(settings.TimerSchedule is { Length: > 0 } all ? all : h.Schedule))).ToList();
        try
        {
            await Task.WhenAll(scheduled.Select(s => RunHandlerAsync(s.Handler, s.Schedule, settings, stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task RunHandlerAsync(ITimerHandler handler, CronSchedule schedule, LocalHostOptions settings, CancellationToken stoppingToken)
    {
        var blobLock = new BlobLock(_hosts.GetBlobClient($"locks/{settings.HostId}/{handler.Name}"), settings.TimerLeaseDuration);
        var loop = LoopName(handler);
        var failures = new RetryBackOff(settings.MaxRetryDelay);
        health.Register(loop);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool acquired;
            try
            {
                acquired = await blobLock.TryAcquireAsync(stoppingToken);
                failures.Reset();
                health.Succeeded(loop);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever the SDK wraps it in: storage is unreachable for now, and the timer tries again.
                health.Failed(loop, e, settings.MaxRetryDelay);
                await Task.Delay(failures.Next(), time, stoppingToken);
                continue;
            }

            if (!acquired)
            {
                await Task.Delay(settings.TimerLockRetryInterval, time, stoppingToken);
                continue;
            }

            logger.LogInformation("Timer {Timer}: this host holds {Lock}; schedule {Schedule} (UTC)", handler.Name, blobLock.Name, schedule);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewing = KeepLeaseAsync(handler, blobLock, settings.TimerLeaseDuration / 3, settings, held);
            try
            {
                await RunScheduleAsync(handler, schedule, held.Token);
            }
            catch (OperationCanceledException) when (held.IsCancellationRequested)
            {
                // Stopping, or the lease was lost (logged by KeepLeaseAsync).
            }
            finally
            {
                await held.CancelAsync();
                await renewing;
                await ReleaseAsync(handler, blobLock);
            }
        }
    }

    private async Task RunScheduleAsync(ITimerHandler handler, CronSchedule schedule, CancellationToken cancellationToken)
    {
        await RunOnceAsync(handler, time.GetUtcNow(), "start", cancellationToken);
        var last = time.GetUtcNow();
        while (true)
        {
            // Never before the last occurrence run, even if a delay wakes up a little early.
            var from = time.GetUtcNow() > last ? time.GetUtcNow() : last;
            var next = schedule.NextAfter(from)
                       ?? throw new InvalidOperationException($"Schedule '{schedule}' has no occurrence after {from:O}.");
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, cancellationToken);
            await RunOnceAsync(handler, next, "schedule", cancellationToken);
            last = next;
        }
    }

    private async Task RunOnceAsync(ITimerHandler handler, DateTimeOffset now, string trigger, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            logger.LogDebug("Timer {Timer}: run for {Now:O} ({Trigger})", handler.Name, now, trigger);
            await handler.RunAsync(now, cancellationToken);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Like the Functions timer: the failed run is reported, and the next occurrence runs (and retries) as usual.
            logger.LogError(e, "Timer {Timer}: the run for {Now:O} failed; the next occurrence runs as scheduled", handler.Name, now);
        }
    }

    private static string LoopName(ITimerHandler handler) => $"timer {handler.Name}";

    private async Task KeepLeaseAsync(ITimerHandler handler, BlobLock blobLock, TimeSpan every, LocalHostOptions settings, CancellationTokenSource held)
    {
        while (!held.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, held.Token);
                await blobLock.RenewAsync(held.Token);
                health.Succeeded(LoopName(handler));
            }
            catch (OperationCanceledException) when (held.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage unreachable or the lease taken: either way this host may no longer be the only one running
                // the schedule, so it stops and goes back to trying the lock.
                health.Failed(LoopName(handler), e, settings.MaxRetryDelay);
                logger.LogWarning("Timer {Timer}: lost its lock {Lock}; stopping its schedule on this host until it holds the lock again", handler.Name, blobLock.Name);
                await held.CancelAsync();
                return;
            }
        }
    }

    private async Task ReleaseAsync(ITimerHandler handler, BlobLock blobLock)
    {
        try
        {
            await blobLock.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Already lost or expired, or storage unreachable: the lease ends on its own within its duration.
            logger.LogWarning("Timer {Timer}: could not release {Lock} ({Error}); it expires by itself", handler.Name, blobLock.Name, e.GetBaseException().Message);
        }
    }
}
