using System.Collections.Concurrent;
using DigestPipeline.Core.Translation;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>The translation cache in memory, for tests without storage (the blob one is tested on Azurite).</summary>
internal sealed class InMemoryTranslationCache : ITranslationCache
{
    private readonly ConcurrentDictionary<(string DocumentId, string Language), Dictionary<string, string>> _translations = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<LeadSentence>> _leads = new(StringComparer.Ordinal);

    public int LeadsSaved => _leads.Count;

    public Task<IReadOnlyDictionary<string, string>> GetTranslationsAsync(string documentId, string language, CancellationToken cancellationToken)
    {
        lock (_translations)
        {
            IReadOnlyDictionary<string, string> copy = _translations.TryGetValue((documentId, language), out var stored)
                ? new Dictionary<string, string>(stored, StringComparer.Ordinal)
                : new Dictionary<string, string>();
            return Task.FromResult(copy);
        }
    }

    public Task AddTranslationsAsync(string documentId, string language, IReadOnlyDictionary<string, string> translations, CancellationToken cancellationToken)
    {
        lock (_translations)
        {
            var stored = _translations.GetOrAdd((documentId, language), _ => new Dictionary<string, string>(StringComparer.Ordinal));
            foreach (var (key, text) in translations)
                stored.TryAdd(key, text);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LeadSentence>?> GetLeadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_leads.TryGetValue(key, out var lead) ? lead : null);

    public Task SaveLeadAsync(string key, IReadOnlyList<LeadSentence> lead, CancellationToken cancellationToken)
    {
        _leads[key] = lead;
        return Task.CompletedTask;
    }
}
