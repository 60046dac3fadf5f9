using Azure.Storage.Blobs;

namespace DigestPipeline.Benchmarks.Latency;

/// <summary>
/// The <c>latency</c> command: for each <see cref="LatencyConfiguration"/>, a fresh Azurite and running local host,
/// 2 warm-up uploads then 20 measured ones of the seed article, one at a time; then Azurite's ceiling; then the tables.
/// </summary>
internal static class LatencyCommand
{
    private const int WarmUpRounds = 2;
    private const int MeasuredRounds = 20;
    private const string SeedName = "fr-tech-basel-ai-summit-miami.txt";

    public static async Task<int> RunAsync(TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var seed = await File.ReadAllBytesAsync(Path.Combine(root, "seeds", "documents", SeedName), cancellationToken);

        var random = new Random(20250101); // fixed seed: the same idle gaps on every run
        var rows = new List<LatencyReport.Row>();
        foreach (var configuration in LatencyConfiguration.All)
        {
            await log.WriteLineAsync($"== {configuration.Name}");
            await using var pipeline = await PipelineUnderTest.StartAsync(root, configuration.Overrides, log, cancellationToken);
            var probe = new UploadLatencyProbe(new BlobServiceClient(pipeline.Azurite.ConnectionString), SeedName, seed);
            var samples = new List<LatencySample>();
            for (var round = 1 - WarmUpRounds; round <= MeasuredRounds; round++)
            {
                await Task.Delay(configuration.NextIdle(random), cancellationToken);
                var sample = await probe.MeasureAsync(round, cancellationToken);
                await log.WriteLineAsync(sample.Succeeded
                    ? $"  {(round < 1 ? "warm-up" : "round")} {round}: documents/ {sample.ToDocument?.TotalMilliseconds:F0} ms, summaries/ {sample.ToSummary!.Value.TotalMilliseconds:F0} ms"
                    : $"  round {round}: FAILED, no summaries/{sample.DocumentId}.json within {UploadLatencyProbe.Timeout.TotalSeconds:F0} s");
                if (round >= 1)
                    samples.Add(sample);
            }

            rows.Add(new LatencyReport.Row(configuration, samples));
        }

        await log.WriteLineAsync("== Azurite ceiling");
        IReadOnlyList<AzuriteCeiling.Result> ceiling;
        await using (var azurite = await global::DigestPipeline.LocalHost.Azurite.AzuriteServer.StartAsync(
                         global::DigestPipeline.LocalHost.Azurite.AzuriteServerOptions.InMemory with { StartDirectory = root }, log.WriteLine, cancellationToken))
        {
            ceiling = await new AzuriteCeiling(azurite.ConnectionString).MeasureAsync(cancellationToken);
        }

        LatencyReport.Write(output, SeedName, seed.Length, rows, ceiling);
        return rows.All(r => r.Samples.All(s => s.Succeeded)) ? 0 : 1;
    }
}
