using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>tokenize --set file.jsonl [--rounds 7] [--passes 10]</c>: the tokenizer alone, as <c>AnalyzedDocument</c> runs it
/// (every sentence, content words only, into one scratch list), over a JSON Lines set read once beforehand by the
/// pipeline's reader: a stage too small in the whole analysis (a fifth of it) for <c>textrank-ratio</c>'s rounds, which
/// move by ±10 % on this shared machine, to show a change of a few per cent in it. Run it pinned, as that command runs
/// itself: <c>DOTNET_TC_DelaySingleProcMultiplier=1 taskset -c 0 …</c>. MB/s = characters of the documents' text / 10⁶ / s.
/// </summary>
internal static class TokenizeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (await StageRounds.ReadSetAsync(args, "tokenize") is not { } documents)
        {
            return 2;
        }

        var tokens = new List<Token>();
        await output.WriteLineAsync($"// {StageRounds.Measure(args, documents, "tokenizing", () => Pass(documents, tokens))}");
        return 0;
    }

    private static void Pass(List<SourceDocument> documents, List<Token> tokens)
    {
        foreach (var document in documents)
        {
            var stems = StemmerCache.For(document.Language);
            foreach (var sentence in document.Sentences)
            {
                tokens.Clear();
                Tokenizer.Tokenize(document.Text, sentence.Start, sentence.Length, stems, tokens, contentWordsOnly: true);
            }
        }
    }
}
