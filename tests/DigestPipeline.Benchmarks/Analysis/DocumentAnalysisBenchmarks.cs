using BenchmarkDotNet.Attributes;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// Reading and summarising the seed article in memory, no storage: MB/s = the seed's size (printed by the global
/// setup) / mean time.
/// The design's budget for the whole analysis is ≥ 25 MB/s per core.
/// </summary>
[MemoryDiagnoser]
public class DocumentAnalysisBenchmarks
{
    private const string SeedName = "fr-tech-basel-ai-summit-miami.txt";
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DocumentReader _reader = new(new DocumentReaderOptions());
    private byte[] _seed = [];
    private SourceDocument _document = null!;
    private DocumentSummarizer _summarizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Find();
        _seed = File.ReadAllBytes(Path.Combine(root, "seeds", "documents", SeedName));
        Console.WriteLine($"// {SeedName}: {_seed.Length} bytes");
        using var themes = File.OpenRead(Path.Combine(root, "seeds", "themes.json"));
        _summarizer = new DocumentSummarizer(ThemeTaxonomy.Load(themes), new SummarizerOptions());
        _document = _reader.Read(SeedName, _seed, Now);
    }

    [Benchmark]
    public SourceDocument Read() => _reader.Read(SeedName, _seed, Now);

    [Benchmark]
    public DocumentSummaries Summarize() => _summarizer.Summarize(_document, Now);

    [Benchmark]
    public DocumentSummaries ReadAndSummarize() => _summarizer.Summarize(_reader.Read(SeedName, _seed, Now), Now);
}
