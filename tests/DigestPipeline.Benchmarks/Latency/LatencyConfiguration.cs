namespace DigestPipeline.Benchmarks.Latency;

/// <summary>One way of running the local host for the latency measurement.</summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="Overrides">Configuration laid over the defaults and host.json (e.g. <c>LocalHost:BlobPollInterval</c>).</param>
/// <param name="IdleBetweenUploads">
/// Pause before each upload, so the queue listeners are fully backed off as after a quiet spell; a random extra of up
/// to <paramref name="IdleJitter"/> lands the upload at a random phase of their polling (without it a sequential loop
/// locks onto the pollers' rhythm and every round waits the same).
/// </param>
internal sealed record LatencyConfiguration(
    string Name, IReadOnlyDictionary<string, string?> Overrides, TimeSpan IdleBetweenUploads = default, TimeSpan IdleJitter = default)
{
    public TimeSpan NextIdle(Random random) => IdleBetweenUploads + IdleJitter * random.NextDouble();

    public static IReadOnlyList<LatencyConfiguration> All { get; } =
    [
        new("defaults (blob poll 500 ms, queue back-off ≤ 2 s)", new Dictionary<string, string?>()),
        new("blob poll 100 ms", new Dictionary<string, string?> { ["LocalHost:BlobPollInterval"] = "00:00:00.100" }),
        new("defaults, 3–5 s idle before each upload", new Dictionary<string, string?>(), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2)),
        new("blob poll 100 ms, queue back-off ≤ 100 ms", new Dictionary<string, string?>
        {
            ["LocalHost:BlobPollInterval"] = "00:00:00.100",
            ["extensions:queues:maxPollingInterval"] = "00:00:00.100",
        }),
    ];
}
