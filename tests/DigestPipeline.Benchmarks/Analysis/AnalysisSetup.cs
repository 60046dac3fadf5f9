using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>What the analysis benchmarks share: the repository's taxonomy and a fixed clock.</summary>
internal static class AnalysisSetup
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DocumentSummarizer Summarizer()
    {
        using var themes = File.OpenRead(Path.Combine(RepositoryRoot.Find(), "seeds", "themes.json"));
        return new DocumentSummarizer(ThemeTaxonomy.Load(themes), new SummarizerOptions());
    }

    public static void PrintSize(string what, long bytes, int documents) =>
        Console.WriteLine($"// {what}: {documents} document(s), {bytes:N0} bytes ({bytes / 1e6:0.###} MB); MB/s = MB / mean in s");
}
