using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Language;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// Writes the lead of one theme of a digest: at most <see cref="MaxSentences"/> sentences in the digest's language,
/// asked of the model from the theme's cited sentences only. Each sentence it writes is checked
/// (<see cref="GroundedSentence"/>) against the cited sentences and their translations, and one that fails is replaced
/// by the theme's best cited sentence. The checked lead is cached under a hash of the cited sentences and the language,
/// so that every subscriber with the same theme content, and a retry, get the same lead.
/// </summary>
public sealed class LeadWriter(IChatClient chat, ITranslationCache cache, IOptions<TranslationOptions> options, TimeProvider time)
{
    public const int MaxSentences = 2;

    /// <summary>Part of the cache key: a change of the prompt or of the check writes leads anew.</summary>
    private const string Version = "lead-1";

    /// <param name="language">The digest's language, which the lead is written in.</param>
    /// <param name="cited">The theme's cited sentences as the sources have them, in digest order.</param>
    /// <param name="translations">Those sentences translated into <paramref name="language"/> where they were: the check accepts their words too.</param>
    /// <param name="bestExtract">The theme's best cited sentence as the digest shows it: what replaces a sentence that fails the check.</param>
    /// <exception cref="Exception">The provider failed; nothing is cached.</exception>
    public async Task<IReadOnlyList<LeadSentence>> WriteAsync(string language, IReadOnlyList<string> cited, IReadOnlyList<string> translations,
        string bestExtract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cited);
        ArgumentNullException.ThrowIfNull(translations);
        var target = LanguageTag.Primary(language);
        var key = KeyOf(target, cited);
        if (await cache.GetLeadAsync(key, cancellationToken) is { } cached)
            return cached;

        var answer = await ChatRequests.AskAsync(chat, Instructions(target), Request(cited), json: false, options.Value.Timeout, time, cancellationToken);
        var lead = Check(target, answer, cited.Concat(translations).ToList(), bestExtract);
        await cache.SaveLeadAsync(key, lead, cancellationToken);
        return lead;
    }

    /// <summary>The model's answer cut into its first sentences, each kept when grounded in <paramref name="sources"/>, else replaced by <paramref name="bestExtract"/> (once).</summary>
    internal static IReadOnlyList<LeadSentence> Check(string language, string answer, IReadOnlyList<string> sources, string bestExtract)
    {
        var text = answer.Trim().Trim('"', '\u201C', '\u201D');
        var spans = new List<SentenceSpan>();
        SentenceSplitter.For(language).Split(text, 0, text.Length, spans);
        var lead = new List<LeadSentence>();
        foreach (var span in spans.Take(MaxSentences))
        {
            var sentence = text.Substring(span.Start, span.Length).Trim();
            var checkedSentence = GroundedSentence.IsGrounded(sentence, sources) ? new LeadSentence(sentence, MachineWritten: true) : new LeadSentence(bestExtract, MachineWritten: false);
            // Each text once: the best extract twice, or after a written sentence that says it word for word, repeats itself.
            if (!lead.Exists(s => SameText(s.Text, checkedSentence.Text)))
                lead.Add(checkedSentence);
        }

        return lead.Count > 0 ? lead : [new LeadSentence(bestExtract, MachineWritten: false)];
    }

    private static bool SameText(string a, string b) =>
        string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Equals(string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private string KeyOf(string language, IReadOnlyList<string> cited)
    {
        var material = string.Join('\n', [Version, options.Value.Model ?? "", language, .. cited]);
        return string.Create(CultureInfo.InvariantCulture, $"{language}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 16))}");
    }

    private static string Instructions(string language)
    {
        var name = LanguageNames.Of(language, "en");
        return $"You write the opening of one section of a news digest, in {name}. Write one or two short sentences in {name} that say what the " +
               "extracts below report, using only facts stated in them: no number, date, name or fact that is not in the extracts. " +
               "Reply with the sentences only, without a heading, quotation marks or a list.";
    }

    private static string Request(IReadOnlyList<string> cited) =>
        string.Join('\n', cited.Select((sentence, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {DigestLine(sentence)}")));

    private static string DigestLine(string sentence) => string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
