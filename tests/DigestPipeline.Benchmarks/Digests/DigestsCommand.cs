using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.Mail;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// <c>digests [--subscribers n] [--summaries n] [--large-subscribers n] [--messages n] [--rounds n]</c>: the digest load in one
/// run, loopback only, every loop bounded. Composition of one digest per subscriber (n, then the larger count for
/// memory; 0 skips it), then sending the same digests to aiosmtpd (and maildev when tools/ has it) with the pool on 1 and 4 connections, and the
/// sink's own ceiling with a plain MailKit loop on 1, 2, 4 and 8 connections.
/// </summary>
internal static class DigestsCommand
{
    private static readonly DateTimeOffset Period = new(2025, 5, 6, 5, 0, 0, TimeSpan.Zero);
    // Enough for tiered compilation to reach optimised code: with 300 the first 10k ran largely on tier-0 code.
    private const int WarmUpSubscribers = 3_000;
    private const int DistinctMessages = 1_000;
    private const int WarmUpMessages = 200;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var subscribers = CommandLineOptions.Int(args, "--subscribers", 10_000);
        var summaryCount = CommandLineOptions.Int(args, "--summaries", 50);
        var large = CommandLineOptions.Int(args, "--large-subscribers", 100_000);
        var messages = CommandLineOptions.Int(args, "--messages", 3_000);
        var rounds = Math.Max(1, CommandLineOptions.Int(args, "--rounds", 3));
        await output.WriteLineAsync($"load average at start: {CommandLineOptions.LoadAverage()}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");

        var root = RepositoryRoot.Find();
        ThemeTaxonomy taxonomy;
        using (var themes = File.OpenRead(Path.Combine(root, "seeds", "themes.json")))
            taxonomy = ThemeTaxonomy.Load(themes);
        var summaries = SummaryCorpus.Build(summaryCount, root, taxonomy, Period - TimeSpan.FromHours(1));
        await DescribeAsync(output, summaries, taxonomy);

        var workload = await DigestWorkload.CreateAsync(summaries, taxonomy, Period);
        var themeIds = taxonomy.Themes.Select(t => t.Id).ToList();
        var createdAt = Period - TimeSpan.FromDays(30);
        await CompositionMeasurement.RunAsync(workload, DigestPopulation.Create(WarmUpSubscribers, themeIds, createdAt));

        var compositions = new List<CompositionResult> { await CompositionMeasurement.RunAsync(workload, DigestPopulation.Create(subscribers, themeIds, createdAt)) };
        await output.WriteLineAsync(Describe(compositions[^1]));
        if (large > 0)
        {
            compositions.Add(await CompositionMeasurement.RunAsync(workload, DigestPopulation.Create(large, themeIds, createdAt)));
            await output.WriteLineAsync(Describe(compositions[^1]));
        }

        var emails = new List<EmailMessage>();
        foreach (var subscriber in DigestPopulation.Create(subscribers, themeIds, createdAt))
        {
            if (emails.Count == DistinctMessages)
                break;
            if (await workload.ComposeAsync(subscriber) is { } email)
                emails.Add(email);
        }

        var sends = new List<SendResult>();
        await output.WriteLineAsync($"{emails.Count:N0} distinct digests to send, {emails.Average(e => e.HtmlBody.Length + e.TextBody.Length):N0} body chars on average; " +
            $"{rounds} rounds, a fresh sink for each figure, {WarmUpMessages} messages to warm up");
        if (await AiosmtpdSink.StartAsync(output) is { } aiosmtpd)
        {
            await aiosmtpd.DisposeAsync();
            await MeasureSendsAsync(output, "aiosmtpd (Sink)", async () => await AiosmtpdSink.StartAsync(output), emails, messages, rounds, sends);
        }

        if (await MaildevSink.StartAsync(root, output) is { } maildev)
        {
            await maildev.DisposeAsync();
            await MeasureSendsAsync(output, "maildev", async () => await MaildevSink.StartAsync(root, output), emails, messages / 2, rounds, sends);
        }

        await output.WriteLineAsync();
        await PrintTableAsync(output, compositions, sends);
        await output.WriteLineAsync($"load average at end: {CommandLineOptions.LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// The pool on 1 and 4 connections, the plain MailKit loop on 1, 2, 4 and 8, in turn, <paramref name="rounds"/>
    /// times; the median of each is kept. Each figure gets a fresh sink: maildev slows down as it stores messages,
    /// so whatever ran first would look faster.
    /// </summary>
    private static async Task MeasureSendsAsync(TextWriter output, string sink, Func<Task<ISmtpSink?>> start, IReadOnlyList<EmailMessage> emails,
        int messages, int rounds, List<SendResult> sends)
    {
        var mime = emails.Select(MimeEmail.Create).ToList();
        var configurations = new (bool Pool, int Connections)[] { (true, 1), (true, 4), (false, 1), (false, 2), (false, 4), (false, 8) };
        var results = configurations.ToDictionary(c => c, _ => new List<SendResult>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var configuration in configurations)
            {
                await using var server = await start() ?? throw new InvalidOperationException($"{sink} did not start again");
                var result = configuration.Pool
                    ? await PoolSendMeasurement.RunAsync(sink, server.Port, configuration.Connections, emails, messages, WarmUpMessages)
                    : await MailKitCeiling.RunAsync(sink, server.Port, configuration.Connections, mime, messages, WarmUpMessages);
                results[configuration].Add(result);
                await output.WriteLineAsync($"{sink}, round {round}: {Describe(result)}");
            }
        }

        foreach (var configuration in configurations)
            sends.Add(results[configuration].OrderBy(r => r.PerSecond).ElementAt(rounds / 2));
        foreach (var message in mime)
            message.Dispose();
    }

    private static async Task DescribeAsync(TextWriter output, IReadOnlyList<DocumentSummaries> summaries, ThemeTaxonomy taxonomy)
    {
        var covered = summaries.SelectMany(s => s.Themes.Select(t => t.ThemeId)).Distinct().Count(id => taxonomy.Find(id) is not null);
        await output.WriteLineAsync($"{summaries.Count} summaries ({summaries.Count(s => s.Language == "fr")} fr), " +
            $"{summaries.Sum(s => s.Themes.Count)} themed summaries, {covered} of the {taxonomy.Themes.Count} taxonomy themes covered");
    }

    private static string Describe(CompositionResult r) => string.Create(CultureInfo.InvariantCulture,
        $"composed {r.Composed:N0} digests for {r.Subscribers:N0} subscribers in {r.Elapsed.TotalSeconds:F1} s: {r.DigestsPerSecond:N0}/s " +
        $"(collecting {r.Collecting.TotalSeconds:F1} s, rendering {r.Rendering.TotalSeconds:F1} s), " +
        $"{(double)r.Items / Math.Max(1, r.Composed):F1} items and {r.BodyChars / Math.Max(1, r.Composed) / 1024.0:F0} K body chars per digest, " +
        $"{r.AllocatedMB / Math.Max(1, r.Composed) * 1024:F0} KB allocated per digest; managed heap max {r.MaxManagedMB:N0} MB, peak working set {r.PeakWorkingSetMB:N0} MB");

    private static string Describe(SendResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Sender}, {r.Connections} connection(s): {r.Messages:N0} in {r.Elapsed.TotalSeconds:F1} s = {r.PerSecond:N0}/s");

    private static async Task PrintTableAsync(TextWriter output, List<CompositionResult> compositions, List<SendResult> sends)
    {
        await output.WriteLineAsync("| measure | configuration | figure | goal |");
        await output.WriteLineAsync("| --- | --- | ---: | --- |");
        foreach (var r in compositions)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| digests composed per second | {r.Subscribers:N0} subscribers, {r.Composed:N0} digests, one thread | {r.DigestsPerSecond:N0}/s | ≥ 1,000/s |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| peak memory after composing | {r.Subscribers:N0} subscribers | {r.PeakWorkingSetMB:N0} MB working set, {r.MaxManagedMB:N0} MB managed | ≤ 300 MB, flat |"));
        }

        foreach (var s in sends)
        {
            var ceiling = sends.Where(c => c.Sink == s.Sink && c.Sender.StartsWith("plain", StringComparison.Ordinal)).MaxBy(c => c.PerSecond);
            var share = ceiling is null || s == ceiling ? "" : string.Create(CultureInfo.InvariantCulture, $" ({s.PerSecond / ceiling.PerSecond:P0} of the ceiling)");
            var goal = s.Sender.StartsWith("Smtp", StringComparison.Ordinal) && s.Connections > 1 ? "≥ 80 % of the ceiling" : s == ceiling ? "ceiling (best)" : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| digests sent per second to {s.Sink} (median) | {s.Sender}, {s.Connections} connection(s) | {s.PerSecond:N0}/s{share} | {goal} |"));
        }
    }
}
