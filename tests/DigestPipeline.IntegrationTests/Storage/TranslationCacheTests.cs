using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Translation;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>
/// The <c>translations</c> container on Azurite: a document's translations per language in one blob, added to by
/// several hosts at once without losing a piece, and leads by key.
/// </summary>
public sealed class TranslationCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ServiceProvider? _services;

    private ITranslationCache Cache => _services!.GetRequiredService<ITranslationCache>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(Cancellation);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public async Task Translations_are_kept_per_document_and_language_and_added_to_without_replacing()
    {
        await Cache.AddTranslationsAsync("doc-1", "en", new Dictionary<string, string> { ["title"] = "The summit", ["0:10"] = "First." }, Cancellation);
        await Cache.AddTranslationsAsync("doc-1", "en", new Dictionary<string, string> { ["0:10"] = "Another first.", ["20:5"] = "Second." }, Cancellation);

        (await Cache.GetTranslationsAsync("doc-1", "en", Cancellation)).ShouldBe(new Dictionary<string, string>
        {
            ["0:10"] = "First.", ["20:5"] = "Second.", ["title"] = "The summit",
        }, ignoreOrder: true);
        (await Cache.GetTranslationsAsync("doc-1", "de", Cancellation)).ShouldBeEmpty();
        (await Cache.GetTranslationsAsync("doc-2", "en", Cancellation)).ShouldBeEmpty();
        var blobs = _services!.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.TranslationsContainer);
        (await blobs.GetBlobClient("doc-1/en.json").ExistsAsync(Cancellation)).Value.ShouldBeTrue();
    }

    [Fact]
    public async Task Hosts_adding_to_the_same_document_at_once_lose_no_piece()
    {
        // Each write reads, merges and writes on the blob's ETag: a conflict is merged again, not overwritten.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Cache.AddTranslationsAsync("doc-race", "en",
            new Dictionary<string, string> { [$"{i * 10}:5"] = $"Sentence {i}." }, Cancellation)));

        (await Cache.GetTranslationsAsync("doc-race", "en", Cancellation)).Count.ShouldBe(8);
    }

    [Fact]
    public async Task A_lead_is_read_back_as_saved_and_an_unknown_key_has_none()
    {
        LeadSentence[] lead = [new("Researchers met in Basel.", MachineWritten: true), new("The summit opened.", MachineWritten: false)];

        await Cache.SaveLeadAsync("en/0123abcd", lead, Cancellation);

        (await Cache.GetLeadAsync("en/0123abcd", Cancellation)).ShouldBe(lead);
        (await Cache.GetLeadAsync("fr/0123abcd", Cancellation)).ShouldBeNull();
    }
}
