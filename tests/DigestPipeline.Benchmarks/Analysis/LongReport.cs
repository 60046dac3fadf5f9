using System.Text;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// A long plain-text report built deterministically, for the analysis's behaviour on one very large document:
/// a title, the English seed article, then sources appended in order, each under its own heading line, until the
/// report holds at least <see cref="TargetBytes"/> bytes of UTF-8.
/// </summary>
public static class LongReport
{
    public const int TargetBytes = 1 << 20;
    public const string Name = "long-report.txt";

    private const string Title = "Annual review: technology, business, politics and society";
    private const string SeedArticle = "en-hospitals-and-grid-operators-brace-for-ai.txt";

    /// <summary>The seed article, then the BBC articles (title as heading, then their paragraphs).</summary>
    public static byte[] FromBbc(IReadOnlyList<CorpusDocument> bbc) => Build(bbc.Select(d => Encoding.UTF8.GetString(d.Content)));

    /// <summary>Only what the repository holds: the English seed article again and again, its parts numbered.</summary>
    public static byte[] FromSeeds() => Build(Enumerable.Repeat(ReadSeed(), int.MaxValue));

    private static byte[] Build(IEnumerable<string> sources)
    {
        var report = new StringBuilder(TargetBytes + 8192);
        report.Append(Title).Append("\n\n").Append(ReadSeed());
        var bytes = Encoding.UTF8.GetByteCount(report.ToString());
        var part = 0;
        using var next = sources.GetEnumerator();
        while (bytes < TargetBytes)
        {
            if (!next.MoveNext())
            {
                throw new InvalidOperationException($"The sources hold less than {TargetBytes} bytes.");
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
