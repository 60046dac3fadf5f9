using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Translation;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The <c>translations</c> container: <c>{documentId}/{language}.json</c>, a document's translated pieces by key (its
/// title, headings, and sentences by start and length), and <c>leads/{language}/{hash}.json</c>, a theme's checked lead
/// by the hash of its cited sentences. Adding to a document's translations merges with what another host may have
/// written meanwhile (a conditional write on the blob's ETag, read again on a conflict), so no piece is lost and none
/// is translated twice once stored.
/// </summary>
public sealed class BlobTranslationCache(BlobServiceClient blobs) : ITranslationCache
{
    private const int SchemaVersion = 1;
    /// <summary>Writes lost to another host's before this one gives up (each host's batch translates a document once, so a few at most race).</summary>
    private const int MaxConflicts = 20;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.TranslationsContainer);

    public async Task<IReadOnlyDictionary<string, string>> GetTranslationsAsync(string documentId, string language, CancellationToken cancellationToken) =>
        (await ReadAsync(Translations(documentId, language), cancellationToken)).Translations;

    public async Task AddTranslationsAsync(string documentId, string language, IReadOnlyDictionary<string, string> translations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(translations);
        if (translations.Count == 0)
            return;
        var blob = Translations(documentId, language);
        for (var attempt = 1; ; attempt++)
        {
            var (stored, etag) = await ReadAsync(blob, cancellationToken);
            var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in stored)
                merged[key] = text;
            foreach (var (key, text) in translations)
                merged.TryAdd(key, text);
            var conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(
                    BinaryData.FromObjectAsJson(new TranslationsBlob(SchemaVersion, merged), PipelineJson.Options),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
                    cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxConflicts)
            {
                // Another host added pieces meanwhile: merge with those, after a short random pause so racers spread out.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50)), cancellationToken);
            }
        }
    }

    public Task<IReadOnlyList<LeadSentence>?> GetLeadAsync(string key, CancellationToken cancellationToken) =>
        ReadLeadAsync(Lead(key), cancellationToken);

    public Task SaveLeadAsync(string key, IReadOnlyList<LeadSentence> lead, CancellationToken cancellationToken) =>
        JsonBlob.WriteAsync(Lead(key), new LeadBlob(lead), SchemaVersion, cancellationToken);

    private static async Task<IReadOnlyList<LeadSentence>?> ReadLeadAsync(BlobClient blob, CancellationToken cancellationToken) =>
        (await JsonBlob.ReadAsync<LeadBlob>(blob, cancellationToken))?.Sentences;

    private static async Task<(IReadOnlyDictionary<string, string> Translations, ETag? ETag)> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var stored = PipelineJson.Deserialize<TranslationsBlob>(content.Content.ToString());
            return (stored.Translations, content.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new Dictionary<string, string>(), null);
        }
    }

    private BlobClient Translations(string documentId, string language) => _container.GetBlobClient($"{Segment(documentId)}/{Segment(language)}.json");

    /// <param name="key">"{language}/{hash}", as <see cref="LeadWriter"/> makes it.</param>
    private BlobClient Lead(string key) => _container.GetBlobClient($"leads/{string.Join('/', key.Split('/').Select(Segment))}.json");

    /// <summary>A path segment that cannot climb out of its place.</summary>
    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value is "." or ".." || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
            ? throw new ArgumentException($"'{value}' is not a name of the translations container.", nameof(value))
            : value;
    }

    private sealed record TranslationsBlob(int SchemaVersion, IReadOnlyDictionary<string, string> Translations);

    private sealed record LeadBlob(IReadOnlyList<LeadSentence> Sentences);
}
