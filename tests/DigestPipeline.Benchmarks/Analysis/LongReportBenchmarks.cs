using BenchmarkDotNet.Attributes;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// Reading and summarising one report of 1 MB (<see cref="LongReport"/>): the target is ≤ 1 s, with time and
/// allocations growing linearly in the number of sentences. <c>bbc</c> builds it from the BBC dev set (varied
/// vocabulary), <c>seeds</c> from the repository's English seed article only (many repeated sentences).
/// </summary>
[MemoryDiagnoser]
public class LongReportBenchmarks
{
    private readonly DocumentReader _reader = new(new DocumentReaderOptions());
    private byte[] _report = [];
    private SourceDocument _document = null!;
    private DocumentSummarizer _summarizer = null!;

    [Params("bbc", "seeds")]
    public string Source { get; set; } = "bbc";

    [GlobalSetup]
    public void Setup()
    {
        _report = Source == "seeds" ? LongReport.FromSeeds() : LongReport.FromBbc(EvaluationCorpus.LoadBbc());
        _summarizer = AnalysisSetup.Summarizer();
        _document = _reader.Read(LongReport.Name, _report, AnalysisSetup.Now);
        AnalysisSetup.PrintSize($"{LongReport.Name} from {Source}", _report.Length, 1);
        Console.WriteLine($"// {_document.Sentences.Count:N0} sentences, {_document.Sections.Count:N0} sections, language {_document.Language}");
    }

    [Benchmark]
    public SourceDocument Read() => _reader.Read(LongReport.Name, _report, AnalysisSetup.Now);

    [Benchmark]
    public DocumentSummaries Summarize() => _summarizer.Summarize(_document, AnalysisSetup.Now);

    [Benchmark]
    public DocumentSummaries ReadAndSummarize() => _summarizer.Summarize(_reader.Read(LongReport.Name, _report, AnalysisSetup.Now), AnalysisSetup.Now);
}
