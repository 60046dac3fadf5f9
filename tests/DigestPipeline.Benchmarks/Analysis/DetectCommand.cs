using DigestPipeline.Core.Language;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>detect --set file.jsonl [--rounds 7] [--passes 10]</c>: language detection alone, as <c>DocumentReader</c> runs
/// it (once over each document's normalised text), over a JSON Lines set read once beforehand by the pipeline's reader:
/// a tenth of the analysis, too small for <c>textrank-ratio</c>'s rounds, which move by ±10 % on this shared machine,
/// to show a change of a few per cent in it. Run it pinned, as that command runs itself:
/// <c>DOTNET_TC_DelaySingleProcMultiplier=1 taskset -c 0 …</c>. MB/s = characters of the documents' text / 10⁶ / s.
/// </summary>
internal static class DetectCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (await StageRounds.ReadSetAsync(args, "detect") is not { } documents)
        {
            return 2;
        }

        var texts = documents.ConvertAll(d => d.Text);
        var detected = string.Join(", ", texts.CountBy(t => LanguageDetector.Detect(t)).Select(c => $"{c.Key} {c.Value}"));
        await output.WriteLineAsync($"// detected as {detected}; {StageRounds.Measure(args, documents, "detecting", () => Pass(texts))}");
        return 0;
    }

    private static void Pass(List<string> texts)
    {
        foreach (var text in texts)
        {
            LanguageDetector.Detect(text);
        }
    }
}
