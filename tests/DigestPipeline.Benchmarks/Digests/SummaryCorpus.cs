using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// The summaries the load harness composes from: the seed documents, then variants of them (title numbered, the
/// body's paragraphs rotated) until there are <c>count</c>, each read and summarised by the real
/// <see cref="DocumentSummarizer"/>. Summarised one every 20 minutes before <c>newest</c>, so all fall in a day.
/// </summary>
internal static class SummaryCorpus
{
    public static IReadOnlyList<DocumentSummaries> Build(int count, string root, ThemeTaxonomy taxonomy, DateTimeOffset newest)
    {
        var seeds = Directory.GetFiles(Path.Combine(root, "seeds", "documents")).Order(StringComparer.Ordinal).ToList();
        var reader = new DocumentReader(new DocumentReaderOptions());
        var summarizer = new DocumentSummarizer(taxonomy, new SummarizerOptions());
        var summaries = new List<DocumentSummaries>(count);
        for (var i = 0; i < count; i++)
        {
            var seed = seeds[i % seeds.Count];
            var variant = i / seeds.Count;
            var text = File.ReadAllText(seed, Encoding.UTF8);
            var name = variant == 0 ? Path.GetFileName(seed) : $"v{variant}-{Path.GetFileName(seed)}";
            var receivedAt = newest - TimeSpan.FromMinutes(20 * (count - 1 - i));
            var document = reader.Read(name, Encoding.UTF8.GetBytes(variant == 0 ? text : Variant(text, variant)), receivedAt);
            summaries.Add(summarizer.Summarize(document, receivedAt));
        }

        return summaries;
    }

    /// <summary>Title and standfirst kept (they carry most theme evidence), title numbered, the other paragraphs rotated.</summary>
    private static string Variant(string text, int variant)
    {
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n");
        if (blocks.Length < 4)
            return $"{blocks[0]} ({variant + 1})\n\n{string.Join("\n\n", blocks[1..])}";
        var body = blocks[2..];
        var shift = variant % body.Length;
        var rotated = body[shift..].Concat(body[..shift]);
        return $"{blocks[0]} ({variant + 1})\n\n{blocks[1]}\n\n{string.Join("\n\n", rotated)}";
    }
}
