using System.Text;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// A long plain-text report built deterministically, for the analysis's behaviour on one very large document:
/// a title, the English seed article, then sources appended in order, each under its own heading line, until the
/// report holds at least the bytes asked for (<see cref="TargetBytes"/> by default) of UTF-8.
/// </summary>
public static class LongReport
{
    public const int TargetBytes = 1 << 20;
    public const string Name = "long-report.txt";

    private const string Title = "Annual review: technology, business, politics and society";
    private const string SeedArticle = "en-hospitals-and-grid-operators-brace-for-ai.txt";

    /// <summary>
    /// The seed article, then the BBC articles (title as heading, then their paragraphs), from the first again once
    /// all are used (4 MB of them): each part is numbered, so a repeated article is another section.
    /// </summary>
    public static byte[] FromBbc(IReadOnlyList<CorpusDocument> bbc, int targetBytes = TargetBytes) =>
        Build(Cycle(bbc.Select(d => Encoding.UTF8.GetString(d.Content)).ToArray()), targetBytes);

    /// <summary>Only what the repository holds: the English seed article again and again, its parts numbered.</summary>
    public static byte[] FromSeeds(int targetBytes = TargetBytes) => Build(Enumerable.Repeat(ReadSeed(), int.MaxValue), targetBytes);

    private static IEnumerable<string> Cycle(string[] sources)
    {
        if (sources.Length == 0)
        {
            throw new InvalidOperationException("No source to build the report from.");
        }

        for (var i = 0; ; i = (i + 1) % sources.Length)
        {
            yield return sources[i];
        }
    }

    private static byte[] Build(IEnumerable<string> sources, int targetBytes)
    {
        var report = new StringBuilder(targetBytes + 8192);
        report.Append(Title).Append("\n\n").Append(ReadSeed());
        var bytes = Encoding.UTF8.GetByteCount(report.ToString());
        var part = 0;
        using var next = sources.GetEnumerator();
        while (bytes < targetBytes)
        {
            if (!next.MoveNext())
            {
                throw new InvalidOperationException($"The sources hold less than {targetBytes} bytes.");
            }

            // A source starts with its own title line: it becomes the heading of its part of the report.
            part++;
            var section = $"\n\nPart {part}: {next.Current.TrimEnd()}";
            report.Append(section);
            bytes += Encoding.UTF8.GetByteCount(section);
        }

        return Encoding.UTF8.GetBytes(report.ToString());
    }

    private static string ReadSeed() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "seeds", "documents", SeedArticle)).TrimEnd();
}
