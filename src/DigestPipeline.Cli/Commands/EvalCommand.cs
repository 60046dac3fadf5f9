using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Evaluation;
using DigestPipeline.Core.Summaries;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest eval &lt;dataset.jsonl&gt;</c>: ROUGE of the engine's generic summaries and of Lead-k against a set's
/// reference summaries, the predictions written as JSON Lines; with <c>--by-category</c>, theme accuracy.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Argument<FileInfo>("dataset") { Description = "JSON Lines: id, lang, category, title, text, reference_summary" };
        var sentences = new Option<int?>("--sentences") { Description = "Budget: at most N sentences (default 3)" };
        var words = new Option<int?>("--words") { Description = "Budget: at most N words, whole sentences only" };
        var language = new Option<string?>("--lang") { Description = "Analyse and score every row as this language (fr, en, …) instead of its own" };
        var byCategory = new Option<bool>("--by-category") { Description = "Also report how often the strongest theme is the row's category" };
        var themes = new Option<FileInfo?>("--themes") { Description = "Theme taxonomy (JSON) for --by-category (default: Themes__Path, else seeds/themes.json)" };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N rows" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the predictions (default .digest/eval)" };
        var noTitle = new Option<bool>("--no-title") { Description = "Withhold each row's title from the engine, as reference systems never see it" };
        var keyPhrases = new Option<bool>("--key-phrases") { Description = "Also summarize every row on its themes and count the key phrases that are a single common word" };
        var release = new Option<string>("--release")
        {
            Description = "How texts reach the engine: original, or lowercased-lines (lower-cased, PTB-tokenized, one sentence a line, as the CNN/DailyMail release)",
            DefaultValueFactory = _ => "original",
        };
        release.AcceptOnlyFromAmong("original", "lowercased-lines");
        var command = new Command("eval", "Score the summarizer with ROUGE-1/2/L against reference summaries, next to Lead-k.")
        {
            dataset, sentences, words, language, byCategory, themes, limit, output, noTitle, release, keyPhrases,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(dataset);
            if (parse.GetValue(sentences) is not null && parse.GetValue(words) is not null)
            {
                return Fail("Give a budget in --sentences or in --words, not both.");
            }

            var budget = parse.GetValue(words) is { } w ? SummaryBudget.OfWords(w) : SummaryBudget.OfSentences(parse.GetValue(sentences) ?? 3);
            if (!file.Exists)
            {
                return Fail($"No such file: {file.FullName}");
            }

            LocalAnalysis analysis;
            try
            {
                analysis = LocalAnalysis.Load(parse.GetValue(themes));
            }
            catch (InvalidOperationException e)
            {
                return Fail(e.Message);
            }

            List<EvaluationRow> rows;
            using (var reader = file.OpenText())
            {
                rows = [.. EvaluationRow.ReadJsonLines(reader).Take(parse.GetValue(limit) ?? int.MaxValue)];
            }

            var evaluator = new SummaryEvaluator(new DocumentReader(analysis.ReaderOptions), new DocumentSummarizer(analysis.Taxonomy, analysis.SummarizerOptions));
            var textRelease = parse.GetValue(release) == "lowercased-lines" ? TextRelease.LowercasedLines : TextRelease.Original;
            var report = AnsiConsole.Status().Start($"Summarising {rows.Count} documents ({budget})…",
                _ => evaluator.Evaluate(rows, budget, parse.GetValue(language), parse.GetValue(byCategory), withTitles: !parse.GetValue(noTitle), textRelease));

            var folder = parse.GetValue(output)?.FullName ?? Path.Combine(Workspace.Find().DataDirectory, "eval");
            var name = Path.GetFileNameWithoutExtension(file.Name);
            var enginePath = WritePredictions(folder, $"{name}.engine.jsonl", report.Documents.Select(d => (d.Id, d.Engine)));
            var leadPath = WritePredictions(folder, $"{name}.lead.jsonl", report.Documents.Select(d => (d.Id, d.Lead)));
            var described = file.Name + (textRelease == TextRelease.LowercasedLines ? " (released lower-cased, one sentence a line)" : "")
                + (parse.GetValue(noTitle) ? " (titles withheld)" : "");
            Print(report, budget, described, enginePath, leadPath, parse.GetValue(byCategory) ? analysis.TaxonomyPath : null);
            if (parse.GetValue(keyPhrases))
            {
                var audit = AnsiConsole.Status().Start("Summarizing every row on its themes…",
                    _ => KeyPhraseAudit.Run(rows, new DocumentReader(analysis.ReaderOptions), new DocumentSummarizer(analysis.Taxonomy, analysis.SummarizerOptions), !parse.GetValue(noTitle)));
                PrintKeyPhrases(audit);
            }

            return 0;
        });
        return command;
    }

    private static void Print(EvaluationReport report, SummaryBudget budget, string dataset, string enginePath, string leadPath, string? taxonomyFile)
    {
        var lead = budget.MaxWords is null ? $"Lead-{budget.MaxSentences}" : "Lead";
        var table = new Table()
            .Title(Markup.Escape($"{dataset}: {report.Documents.Count} documents, budget {budget}, ROUGE F1 × 100"))
            .AddColumns("System", "ROUGE-1", "ROUGE-2", "ROUGE-L", "Mean words");
        AddRow(table, "DigestPipeline", report.Engine, report.MeanEngineWords);
        AddRow(table, lead, report.Lead, report.MeanLeadWords);
        AddRow(table, "First words (engine's length)", report.FirstWords, report.MeanFirstWords);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Stand-alone sentences (none opening on a reference to the sentence before it without that sentence; rules in the README): {100 * report.StandAloneShare:0.00} % of {report.Documents.Sum(d => d.Engine.Count)}.")));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Summaries over budget (more words or sentences than {budget}; must be 0): {report.OverBudget} of {report.Documents.Count}.")));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Sentences cut to their opening: {report.Clauses.Cuts} of {report.Documents.Sum(d => d.Engine.Count)}; without a main verb (rules in the README): {report.Clauses.WithoutMainVerb}.")));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Engine: {report.TextBytes / 1e6:0.00} MB of text in {report.EngineTime.TotalSeconds:0.00} s of engine time ({report.EngineMegabytesPerSecond:0.0} MB/s on one core, first pass included).")));
        if (report.CategoryAccuracy is { } accuracy)
        {
            PrintCategories(report, accuracy, taxonomyFile!);
        }

        AnsiConsole.MarkupLine($"Predictions: {Markup.Escape(enginePath)}, {Markup.Escape(leadPath)}");
    }

    private static void PrintKeyPhrases(KeyPhraseReport audit)
    {
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Key phrases: {audit.Phrases} over the themed summaries; {audit.SingleWords} of one word; {audit.SingleCommonWords} of one common word (in ≥ {100 * KeyPhraseAudit.CommonDocumentShare:0} % of the documents): {100 * audit.SingleCommonShare:0.0} %.")));
        if (audit.MostFrequent.Count > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape("Most frequent: " + string.Join(", ", audit.MostFrequent.Select(w => $"{w.Word} ({w.Count})"))));
        }
    }

    private static void PrintCategories(EvaluationReport report, double accuracy, string taxonomyFile)
    {
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Theme accuracy (strongest theme = category, taxonomy {taxonomyFile}): {100 * accuracy:0.00} %")));
        var labelled = report.Documents.Where(d => d.Category is not null).ToArray();
        var predicted = labelled.Select(d => d.PredictedCategory ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToArray();
        var table = new Table().Title("Category → strongest theme").AddColumn("Category").AddColumn("Accuracy");
        foreach (var column in predicted)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var group in labelled.GroupBy(d => d.Category!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = new List<string>
            {
                Markup.Escape(group.Key),
                string.Create(CultureInfo.InvariantCulture, $"{100.0 * group.Count(d => d.PredictedCategory == group.Key) / group.Count():0.0} %"),
            };
            cells.AddRange(predicted.Select(p => group.Count(d => (d.PredictedCategory ?? "(none)") == p).ToString(CultureInfo.InvariantCulture)));
            table.AddRow([.. cells]);
        }

        AnsiConsole.Write(table);
    }

    private static void AddRow(Table table, string system, MeanRouge rouge, double words) =>
        table.AddRow(system, Format(rouge.Rouge1), Format(rouge.Rouge2), Format(rouge.RougeL), Format(words));

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string WritePredictions(string folder, string name, IEnumerable<(string Id, IReadOnlyList<string> Sentences)> predictions)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path);
        foreach (var (id, sentences) in predictions)
        {
            writer.WriteLine(JsonSerializer.Serialize(new { id, summary = string.Join('\n', sentences) }));
        }

        return path;
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 2;
    }
}
