using DigestPipeline.Core.Language;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// The step between collecting a batch's digests and composing them, when a translation provider is configured:
/// items in another language than their digest's get their title, headings and cited sentences translated into it
/// (<see cref="SentenceTranslator"/>, each piece once per document and language for the whole batch, from the cache when
/// another digest or a retry paid for it), and each theme with two cited sentences or more gets a checked lead
/// (<see cref="LeadWriter"/>). The model is never called while composing, so a retry composes the same bytes from what
/// the cache holds.
/// Translation is an enhancement: when the provider (or the cache) fails, the digest goes out as without a provider
/// (items labelled with their language, no lead), the failure is logged once per outage (<see cref="ProviderOutage"/>)
/// and the provider is left alone for <see cref="TranslationOptions.RetryAfter"/>. The send never waits for it.
/// Without a provider (<see cref="None"/>), contents pass through unchanged and nothing is sent anywhere.
/// </summary>
public sealed class DigestEnricher
{
    private readonly SentenceTranslator? _translator;
    private readonly LeadWriter? _leads;
    private readonly ProviderOutage? _outage;
    private readonly TimeSpan _batchBudget;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly PipelineTelemetry? _telemetry;
    private readonly ILogger _logger;

    public DigestEnricher(SentenceTranslator translator, LeadWriter? leads, ProviderOutage outage, IOptions<TranslationOptions> options, TimeProvider time,
        PipelineTelemetry telemetry, ILogger<DigestEnricher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _translator = translator;
        _leads = leads;
        _outage = outage;
        _batchBudget = options.Value.BatchBudget;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    private DigestEnricher(ILogger logger) => _logger = logger;

    /// <summary>No provider: contents pass through unchanged.</summary>
    public static DigestEnricher None { get; } = new(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    public bool IsActive => _translator is not null;

    /// <returns>One content per content given, in the same order: translated and with leads where the provider answered.</returns>
    public async Task<IReadOnlyList<DigestContent>> EnrichAsync(IReadOnlyList<DigestContent> contents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contents);
        if (_translator is null || contents.All(c => c.ItemCount == 0))
            return contents;

        var budget = new BatchBudget(_time.GetUtcNow() + _batchBudget);
        var translations = await TranslateAsync(contents, budget, cancellationToken);
        var translated = contents.Select(content => content with
        {
            Themes = content.Themes.Select(theme => theme with
            {
                Items = theme.Items.Select(item => translations.TryGetValue((item.DocumentId, LanguageTag.Primary(content.Subscriber.Language)), out var t)
                                                   && Covers(t, item) ? item with { Translation = t } : item).ToList(),
            }).ToList(),
        }).ToList();

        return _leads is null ? translated : await WriteLeadsAsync(translated, budget, cancellationToken);
    }

    /// <summary>Every foreign item's pieces, per document and digest language, translated once for the batch.</summary>
    private async Task<Dictionary<(string DocumentId, string Language), IReadOnlyDictionary<string, string>>> TranslateAsync(
        IReadOnlyList<DigestContent> contents, BatchBudget budget, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<(string DocumentId, string Language), (string From, Dictionary<string, TranslationUnit> Units)>();
        foreach (var content in contents)
        {
            var to = LanguageTag.Primary(content.Subscriber.Language);
            foreach (var item in content.Themes.SelectMany(t => t.Items).Where(i => ItemLanguage.IsLabelled(to, i.Language)))
            {
                if (!wanted.TryGetValue((item.DocumentId, to), out var entry))
                    wanted[(item.DocumentId, to)] = entry = (LanguageTag.Primary(item.Language), new Dictionary<string, TranslationUnit>(StringComparer.Ordinal));
                foreach (var unit in UnitsOf(item))
                    entry.Units.TryAdd(unit.Key, unit);
            }
        }

        var result = new Dictionary<(string DocumentId, string Language), IReadOnlyDictionary<string, string>>();
        foreach (var ((documentId, to), (from, units)) in wanted.OrderBy(w => w.Key.DocumentId, StringComparer.Ordinal).ThenBy(w => w.Key.Language, StringComparer.Ordinal))
        {
            var translated = await AskAsync(budget, "translate", $"translating document {documentId} into {to}",
                ct => _translator!.TranslateAsync(documentId, from, to, units.Values.ToList(), ct), cancellationToken);
            if (translated is null)
                break;
            result[(documentId, to)] = translated;
        }

        return result;
    }

    private async Task<IReadOnlyList<DigestContent>> WriteLeadsAsync(List<DigestContent> contents, BatchBudget budget, CancellationToken cancellationToken)
    {
        var result = new List<DigestContent>(contents.Count);
        var stopped = false;
        foreach (var content in contents)
        {
            var themes = new List<DigestThemeGroup>(content.Themes.Count);
            foreach (var theme in content.Themes)
            {
                var cited = theme.Items.SelectMany(i => i.Sentences).ToList();
                if (stopped || cited.Count < 2)
                {
                    themes.Add(theme);
                    continue;
                }

                var lead = await AskAsync(budget, "lead", $"writing the lead of theme {theme.ThemeId}", ct => _leads!.WriteAsync(content.Subscriber.Language,
                    cited.Select(s => s.Text).ToList(),
                    theme.Items.SelectMany(i => i.Sentences.Select(i.TranslationOf)).OfType<string>().ToList(),
                    BestExtract(theme), ct), cancellationToken);
                stopped = lead is null;
                themes.Add(lead is null ? theme : theme with { Lead = lead });
            }

            result.Add(content with { Themes = themes });
        }

        return result;
    }

    /// <summary>
    /// The call's result, or null when the provider is paused, the batch's budget is spent, or the call failed (then
    /// told to <see cref="ProviderOutage"/>).
    /// </summary>
    private async Task<T?> AskAsync<T>(BatchBudget budget, string kind, string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        if (!_outage!.MayTry())
        {
            _telemetry?.TranslationStep(kind, "skipped");
            _logger.LogDebug("Translation provider paused after a failure: not {What}", what);
            return null;
        }

        if (_time.GetUtcNow() >= budget.Until)
        {
            if (!budget.Told)
            {
                budget.Told = true;
                _logger.LogInformation("Translations and leads took {Budget} for this batch (Translation:BatchBudget): its other digests go out without them", _batchBudget);
            }

            _telemetry?.TranslationStep(kind, "skipped");
            return null;
        }

        try
        {
            var result = await call(cancellationToken);
            _outage.Succeeded();
            _telemetry?.TranslationStep(kind, "done");
            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(what, e);
            _telemetry?.TranslationStep(kind, "failed");
            return null;
        }
    }

    /// <summary>The theme's best-scored cited sentence, as the digest shows it (translated where its item is).</summary>
    private static string BestExtract(DigestThemeGroup theme)
    {
        var (item, sentence) = theme.Items.SelectMany(i => i.Sentences.Select(s => (Item: i, Sentence: s)))
            .MaxBy(x => x.Sentence.Score);
        return DigestText.SingleLine(item.TranslationOf(sentence) ?? sentence.Text);
    }

    private static IEnumerable<TranslationUnit> UnitsOf(DigestItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.DocumentTitle))
            yield return new TranslationUnit(TranslationUnit.TitleKey, item.DocumentTitle);
        foreach (var sentence in item.Sentences)
        {
            if (!string.IsNullOrWhiteSpace(sentence.Section))
                yield return new TranslationUnit(TranslationUnit.HeadingKey(sentence.SectionIndex), sentence.Section);
            yield return new TranslationUnit(TranslationUnit.SentenceKey(sentence.Start, sentence.Length), sentence.Text);
        }
    }

    /// <summary>When the batch's requests must stop, and whether that was logged.</summary>
    private sealed class BatchBudget(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; } = until;

        public bool Told { get; set; }
    }

    /// <summary>Shown translated only when every piece of the item is: never half an item in each language.</summary>
    private static bool Covers(IReadOnlyDictionary<string, string> translation, DigestItem item) =>
        UnitsOf(item).All(unit => translation.ContainsKey(unit.Key));
}
