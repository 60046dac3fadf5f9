namespace DigestPipeline.LocalHost;

/// <summary>Settings of the local host's blob watcher and singleton timer (section <c>LocalHost</c>).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>Names this host's receipts and locks, like the Functions host id: hosts sharing an id share them.</summary>
    public string HostId { get; set; } = "digest-local";

    /// <summary>How often the watcher lists the <c>incoming</c> container.</summary>
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Cron (5 fields, or 6 with seconds; UTC) that, when set, replaces every timer handler's own schedule (tests and
    /// load runs use it to tick fast or never); unset, each handler runs on its own, as in the Functions app.
    /// </summary>
    public string? TimerSchedule { get; set; }

    /// <summary>Lease held on a timer's lock blob while this host is the one running it (15–60 s).</summary>
    public TimeSpan TimerLeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest wait between two tries of a loop (watcher, queue listener, timer) whose storage calls fail: it backs
    /// off from 100 ms up to this, so it resumes within about this long of storage coming back.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a host without the lock tries to take it.</summary>
    public TimeSpan TimerLockRetryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
