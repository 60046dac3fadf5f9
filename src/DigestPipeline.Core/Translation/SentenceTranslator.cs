using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DigestPipeline.Core.Language;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// Translates pieces of a document (title, headings, cited sentences) into a language, each piece once: what the cache
/// holds for the document and language is taken from it, only the rest is sent to the model (one request per
/// <see cref="MaxUnitsPerRequest"/> pieces), and the answers are added to the cache before they are used.
/// </summary>
public sealed class SentenceTranslator(IChatClient chat, ITranslationCache cache, IOptions<TranslationOptions> options, TimeProvider time)
{
    public const int MaxUnitsPerRequest = 40;

    /// <summary>Letters of every script as they are: a model reads "hôpitaux" better than "h\u00F4pitaux".</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <returns>The translation of every piece, by key.</returns>
    /// <exception cref="Exception">The provider failed or answered out of shape; the cache keeps what was translated before.</exception>
    public async Task<IReadOnlyDictionary<string, string>> TranslateAsync(string documentId, string fromLanguage, string toLanguage,
        IReadOnlyList<TranslationUnit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var target = LanguageTag.Primary(toLanguage);
        var known = await cache.GetTranslationsAsync(documentId, target, cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<TranslationUnit>();
        foreach (var unit in units.DistinctBy(u => u.Key, StringComparer.Ordinal))
        {
            if (known.TryGetValue(unit.Key, out var translated))
                result[unit.Key] = translated;
            else
                missing.Add(unit);
        }

        foreach (var chunk in missing.Chunk(MaxUnitsPerRequest))
        {
            var answers = await AskAsync(fromLanguage, target, chunk, cancellationToken);
            var added = chunk.Select((unit, i) => (unit.Key, Text: answers[i])).Where(a => a.Text.Length > 0)
                .ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal);
            await cache.AddTranslationsAsync(documentId, target, added, cancellationToken);
            foreach (var (key, text) in added)
                result[key] = text;
        }

        return result;
    }

    private async Task<IReadOnlyList<string>> AskAsync(string fromLanguage, string toLanguage, TranslationUnit[] units, CancellationToken cancellationToken)
    {
        var from = LanguageNames.Of(fromLanguage, "en");
        var to = LanguageNames.Of(toLanguage, "en");
        var instructions =
            $"You translate excerpts of documents from {from} into {to} for a news digest. Translate each string of the JSON array " +
            "\"texts\" faithfully and completely, keeping names, numbers and dates as they are, and keeping line breaks and list markers. " +
            "Reply with only a JSON object {\"translations\": [...]} holding exactly one translated string per input string, in the same order.";
        var request = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["texts"] = units.Select(u => u.Text).ToArray() }, Json);
        var answer = await ChatRequests.AskAsync(chat, instructions, request, json: true, options.Value.Timeout, time, cancellationToken);
        return ChatRequests.Strings(answer, "translations", units.Length);
    }
}
