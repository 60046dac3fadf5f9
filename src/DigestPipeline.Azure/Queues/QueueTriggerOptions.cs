namespace DigestPipeline.Azure.Queues;

/// <summary>
/// The Functions queue trigger's settings, bound from host.json's <c>extensions:queues</c> (load host.json with
/// <see cref="HostJsonConfigurationExtensions.AddHostJson"/>), with the Functions host's defaults.
/// </summary>
public sealed class QueueTriggerOptions
{
    public const string Section = "extensions:queues";

    /// <summary>Messages received at once (1–32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>A new batch is fetched when the messages in flight drop to this number; default half the batch size.</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>A message that failed this many times goes to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Longest wait between two polls of an empty queue (the back-off starts at 100 ms).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>base64</c> (the default) or <c>none</c>.</summary>
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>
    /// Not a host.json setting: how long a message being processed stays invisible; renewed at half that while its
    /// handler runs, so a crashed host's messages come back after at most this long.
    /// </summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Not a host.json setting: how long a stopping host waits for in-flight messages before cancelling their handlers.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    public bool IsBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);
}
