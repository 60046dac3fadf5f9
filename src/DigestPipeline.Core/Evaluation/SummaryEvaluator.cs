using System.Diagnostics;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// Runs the engine's generic summary and Lead-k on every row of an evaluation set, within one budget, and scores both
/// against the reference with ROUGE, next to the text's first words at the engine's length, and checks that every
/// summary keeps to the budget. With categories, also records the strongest declared theme of each document. With a
/// <see cref="TextRelease"/> other than the original, each row is rewritten first (outside the engine time), and
/// Lead-k takes the released sentences (lines) themselves, so that it does not depend on the engine's splitter.
/// Documents are processed one after the other on one thread, so that the engine time is per core.
/// </summary>
public sealed class SummaryEvaluator(DocumentReader reader, DocumentSummarizer summarizer)
{
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.UnixEpoch;

    /// <param name="language">Scores (and analyses) every row in this language instead of the row's own.</param>
    /// <param name="withTitles">Whether the engine sees each row's title, as an upload would give it; reference systems never do.</param>
    /// <param name="release">How the texts are given to the engine (<see cref="TextRelease"/>).</param>
    public EvaluationReport Evaluate(
        IReadOnlyList<EvaluationRow> rows, SummaryBudget budget, string? language = null, bool byCategory = false, bool withTitles = true,
        TextRelease release = TextRelease.Original)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var results = new DocumentEvaluation[rows.Count];
        var engineTicks = new long[rows.Count];
        var bytes = new long[rows.Count];
        var tokenizers = new Dictionary<string, RougeTokenizer>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            IReadOnlyList<string>? lines = null;
            if (release == TextRelease.LowercasedLines)
            {
                (row, lines) = LowercasedLinesRelease.Apply(row, reader, language);
            }

            var content = row.ToDocumentBytes(withTitles);
            bytes[i] = content.Length;
            var started = Stopwatch.GetTimestamp();
            var document = reader.Read($"{row.Id}.txt", content, ReceivedAt);
            var scoring = language ?? row.Language ?? document.Language;
            if (language is not null)
            {
                document = document with { Language = language };
            }

            var summary = DocumentSummarizer.SummarizeGeneric(document, budget);
            var engine = summary.Select(s => s.Text).ToArray();
            engineTicks[i] = Stopwatch.GetTimestamp() - started;
            var lead = lines is null ? LeadBaseline.Summarize(document, budget) : LeadBaseline.Summarize(lines, budget);
            var predicted = byCategory ? summarizer.ScoreThemes(document).FirstOrDefault(s => s.Score > 0).ThemeId : null;

            var tokenizer = tokenizers.TryGetValue(scoring, out var known) ? known : tokenizers[scoring] = new RougeTokenizer(scoring);
            var reference = tokenizer.Tokenize(row.ReferenceSummary);
            var engineWords = engine.Sum(s => WordCount.Of(s));
            var engineSentences = lines is null ? engine.Length : ReleasedLines.Spanned(document.Text, lines, summary);
            var firstWords = FirstWordsBaseline.Summarize(row.Text, engineWords);
            results[i] = new DocumentEvaluation(
                row.Id,
                document.Language,
                engine,
                Rouge.Score(tokenizer.Tokenize(string.Join('\n', engine)), reference),
                lead,
                Rouge.Score(tokenizer.Tokenize(string.Join('\n', lead)), reference),
                byCategory ? row.Category : null,
                predicted,
                firstWords,
                Rouge.Score(tokenizer.Tokenize(firstWords), reference),
                StandAlone.Count(document, summary),
                EngineOverBudget: !budget.Fits(engineSentences, engineWords),
                EngineClauses: new ClauseCuts(summary.Count(s => s.IsClause), summary.Count(s => s.IsClause && !MainClause.HasMainVerb(document.Language, s.Text))));
        }

        return new EvaluationReport(results, bytes.Sum(), Stopwatch.GetElapsedTime(0, engineTicks.Sum()));
    }
}
