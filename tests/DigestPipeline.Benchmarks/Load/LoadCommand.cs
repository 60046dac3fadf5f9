using DigestPipeline.Benchmarks.Latency;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// The <c>load</c> command: <c>--documents</c> uploads (default 1,000) at once through the running local host on a
/// fresh Azurite, then the same blob, queue and table operations by a plain SDK loop on another fresh Azurite (the
/// ceiling); one report of both.
/// </summary>
internal static class LoadCommand
{
    private const int WarmUpDocuments = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var count = CommandLineOptions.Int(args, "--documents", 1000);
        var uploaders = CommandLineOptions.Int(args, "--uploaders", 8);
        var timeout = TimeSpan.FromMinutes(CommandLineOptions.Int(args, "--timeout-minutes", 15));
        var root = RepositoryRoot.Find();
        var documents = LoadCorpus.Create(root, count);

        // The host's analysis code is JIT-compiled on its first documents; the ceiling, run second, would not pay that.
        await log.WriteLineAsync($"== warm-up: local host and plain loop, {WarmUpDocuments} other documents");
        var warmUp = await HostLoadRun.RunAsync(root, LoadCorpus.Create(root, WarmUpDocuments), uploaders, timeout, log, cancellationToken);
        await StorageSkeleton.RunAsync(root, warmUp, uploaders, timeout, log, cancellationToken);

        await log.WriteLineAsync($"== local host, {count} documents");
        var host = await HostLoadRun.RunAsync(root, documents, uploaders, timeout, log, cancellationToken);
        await log.WriteLineAsync($"== plain SDK loop (ceiling), {count} documents");
        var ceiling = await StorageSkeleton.RunAsync(root, host, uploaders, timeout, log, cancellationToken);

        LoadReport.Write(output, uploaders, host, ceiling);
        return host.Summarized.Count == count && ceiling.Summarized.Count == count ? 0 : 1;
    }
}
