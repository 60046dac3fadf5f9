using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest summarize &lt;file&gt;</c>: reads a local file with the pipeline's reader and summarizer and prints its
/// structure and themed summaries; no storage involved.
/// </summary>
public static partial class SummarizeCommand
{
    /// <summary>The pipeline's JSON convention, indented, with letters of every script written as they are (not <c>\u00E9</c>).</summary>
    private static readonly JsonSerializerOptions Json = new(PipelineJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A document (.txt, .md)" };
        var themes = new Option<FileInfo?>("--themes") { Description = "Theme taxonomy (default: Themes__Path, else seeds/themes.json)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (camelCase) for scripts" };
        var sentences = new Option<int?>("--sentences") { Description = "Most sentences per theme (default: Summaries__MaxSentencesPerTheme, 3)" };
        sentences.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError("--sentences must be at least 1.");
        });
        var language = new Option<string?>("--lang") { Description = "The document's language (fr, en, ...) instead of the detected one" };
        language.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !LanguageCode().IsMatch(code))
                result.AddError($"--lang '{code}' is not a language code (fr, en, de, ...).");
        });

        var command = new Command("summarize", "Summarize a local file by theme, as the pipeline would, and print its structure, themes and sentences with their offsets.")
        {
            file, themes, json, sentences, language,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(file), parse.GetValue(themes), parse.GetValue(json), parse.GetValue(sentences), parse.GetValue(language)?.ToLowerInvariant()));
        return command;
    }

    private static int Run(FileInfo file, FileInfo? themesFile, bool json, int? maxSentences, string? language)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.FullName}");
            return 2;
        }

        LocalAnalysis analysis;
        try
        {
            analysis = LocalAnalysis.Load(themesFile);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var summarizerOptions = analysis.SummarizerOptions;
        if (maxSentences is { } max)
            summarizerOptions.MaxSentencesPerTheme = max;

        SourceDocument document;
        try
        {
            var now = DateTimeOffset.UtcNow;
            document = new DocumentReader(analysis.ReaderOptions).Read(file.Name, File.ReadAllBytes(file.FullName), now, language);
        }
        catch (DocumentRejectedException e)
        {
            Console.Error.WriteLine($"Rejected ({e.Reason}): {e.Message}");
            return 1;
        }

        var summaries = new DocumentSummarizer(analysis.Taxonomy, summarizerOptions).Summarize(document, document.ReceivedAt);
        var report = DocumentSummaryReport.Create(document, summaries);
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
        else
            Print(report);
        return 0;
    }

    private static void Print(DocumentSummaryReport report)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Title)}[/]");
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"  {report.SourceName} · id {report.Id} · {report.Language} · {report.SizeBytes:N0} bytes, {report.Text.Length:N0} characters, {report.SentencesInText:N0} sentences")));
        if (report.Sampled)
        {
            // Said before anything else: the themes below come from part of the text only.
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  Sampled: themes and summaries consider {report.SentencesConsidered:N0} of the {report.SentencesInText:N0} sentences, spread over every section (Documents__MaxSentences).")));
        }

        var structure = new Table().Title("Structure").AddColumns("#", "Section", "Characters", "Paragraphs", "List items", report.Sampled ? "Sentences considered" : "Sentences");
        foreach (var section in report.Sections)
        {
            structure.AddRow(Cell(section.Index), Markup.Escape(section.Heading), Markup.Escape(Range(section.Start, section.Length)),
                Cell(section.Paragraphs), Cell(section.ListItems), Cell(section.Sentences));
        }

        AnsiConsole.Write(structure);
        if (report.Themes.Count == 0)
        {
            AnsiConsole.MarkupLine("No theme found.");
            return;
        }

        if (report.Themes.All(t => t.Discovered))
        {
            // What the pipeline would mark in the document's row (and digest status would list): no subscriber follows a discovered theme.
            AnsiConsole.MarkupLine("[yellow]No theme of the taxonomy: the pipeline would mark it \"no theme: not delivered\".[/]");
        }

        foreach (var theme in report.Themes)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine($"[bold green]{Markup.Escape(theme.Label)}[/] [dim]{Markup.Escape(theme.Id)} · "
                                   + $"{(theme.Discovered ? "discovered" : "declared")} · score {Number(theme.Score)}[/]");
            if (theme.KeyPhrases.Count > 0)
                AnsiConsole.MarkupLine($"  key phrases: {Markup.Escape(string.Join(", ", theme.KeyPhrases))}");
            foreach (var sentence in theme.Sentences)
            {
                AnsiConsole.MarkupLine($"  [dim]{Markup.Escape(sentence.Section)} · {Markup.Escape(Range(sentence.Start, sentence.Length))} · score {Number(sentence.Score)}[/]");
                AnsiConsole.MarkupLine($"    {Markup.Escape(sentence.Text)}");
            }
        }
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Half-open character range: <c>[start, end)</c>.</summary>
    private static string Range(int start, int length) => string.Create(CultureInfo.InvariantCulture, $"[{start}, {start + length})");

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
