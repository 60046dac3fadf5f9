namespace DigestPipeline.Core.Translation;

/// <summary>
/// Translations and leads already paid for, shared by every subscriber, retry and host: each piece of a document is
/// translated once per language, and a theme's lead is written once per set of cited sentences and language.
/// </summary>
public interface ITranslationCache
{
    /// <summary>A document's translated pieces into <paramref name="language"/>, by <see cref="TranslationUnit.Key"/>; empty when none.</summary>
    Task<IReadOnlyDictionary<string, string>> GetTranslationsAsync(string documentId, string language, CancellationToken cancellationToken);

    /// <summary>Adds pieces to the document's translations into <paramref name="language"/>, keeping those already there.</summary>
    Task AddTranslationsAsync(string documentId, string language, IReadOnlyDictionary<string, string> translations, CancellationToken cancellationToken);

    /// <returns>null when no lead was stored under this key.</returns>
    Task<IReadOnlyList<LeadSentence>?> GetLeadAsync(string key, CancellationToken cancellationToken);

    Task SaveLeadAsync(string key, IReadOnlyList<LeadSentence> lead, CancellationToken cancellationToken);
}
