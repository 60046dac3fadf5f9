using BenchmarkDotNet.Attributes;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// The whole analysis (read, then summarize with the repository taxonomy) over every document of the BBC dev set,
/// one pass per operation: MB/s = the bytes printed by the global setup / mean. The design's budget is ≥ 25 MB/s
/// per core. The set is read from <see cref="EvaluationCorpus.Directory"/> (<c>DIGEST_EVAL_DIR</c> overrides it).
/// </summary>
[MemoryDiagnoser]
public class CorpusAnalysisBenchmarks
{
    private readonly DocumentReader _reader = new(new DocumentReaderOptions());
    private IReadOnlyList<CorpusDocument> _corpus = [];
    private SourceDocument[] _read = [];
    private DocumentSummarizer _summarizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = EvaluationCorpus.LoadBbc();
        _summarizer = AnalysisSetup.Summarizer();
        _read = [.. _corpus.Select(d => _reader.Read(d.Name, d.Content, AnalysisSetup.Now))];
        AnalysisSetup.PrintSize(EvaluationCorpus.BbcFile, _corpus.Sum(d => (long)d.Content.Length), _corpus.Count);
    }

    [Benchmark]
    public int ReadCorpus()
    {
        var sentences = 0;
        foreach (var document in _corpus)
        {
            sentences += _reader.Read(document.Name, document.Content, AnalysisSetup.Now).Sentences.Count;
        }

        return sentences;
    }

    [Benchmark]
    public int SummarizeCorpus()
    {
        var themes = 0;
        foreach (var document in _read)
        {
            themes += _summarizer.Summarize(document, AnalysisSetup.Now).Themes.Count;
        }

        return themes;
    }

    [Benchmark]
    public int ReadAndSummarizeCorpus()
    {
        var themes = 0;
        foreach (var document in _corpus)
        {
            themes += _summarizer.Summarize(_reader.Read(document.Name, document.Content, AnalysisSetup.Now), AnalysisSetup.Now).Themes.Count;
        }

        return themes;
    }
}
