using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// Translating costs a request to a paid or slow model: a French document in the digests of two English readers, and
/// the retry of one of them, is sent to the model once, and only its pieces not translated before.
/// </summary>
public sealed class Each_piece_of_a_document_is_translated_once_per_language
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_readers_of_a_batch_and_a_retry_cost_one_translation_request()
    {
        var world = new TranslationWorld();

        var batch = await world.Enricher.EnrichAsync(
            [TranslationWorld.FrenchArticleFor("a@example.org"), TranslationWorld.FrenchArticleFor("b@example.org")], Cancellation);
        var retry = await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], Cancellation);

        var translations = world.Chat.Requests.Where(r => r.Instructions.Contains("translate", StringComparison.Ordinal)).ToList();
        translations.ShouldHaveSingleItem();
        // Title, heading (once for two sentences of one section) and the two sentences.
        System.Text.Json.JsonDocument.Parse(translations[0].Request).RootElement.GetProperty("texts").GetArrayLength().ShouldBe(4);
        batch.Concat(retry).ShouldAllBe(c => c.Themes[0].Items[0].Translation != null
            && c.Themes[0].Items[0].Translation!["0:54"] == "The Basel summit brought together 1,200 researchers on 11 May.");
    }

    [Fact]
    public async Task A_new_sentence_of_a_translated_document_is_the_only_piece_sent()
    {
        var world = new TranslationWorld();
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        var shorter = content with
        {
            Themes = [content.Themes[0] with { Items = [content.Themes[0].Items[0] with { Sentences = [content.Themes[0].Items[0].Sentences[0]] }] }],
        };

        await world.Enricher.EnrichAsync([shorter], Cancellation);
        await world.Enricher.EnrichAsync([content], Cancellation);

        var translations = world.Chat.Requests.Where(r => r.Instructions.Contains("translate", StringComparison.Ordinal)).ToList();
        translations.Count.ShouldBe(2);
        translations[1].Request.ShouldBe("{\"texts\":[\"Les hôpitaux testent des assistants.\"]}");
    }

    [Fact]
    public async Task A_document_in_the_digest_language_is_never_sent()
    {
        var world = new TranslationWorld();
        var french = TranslationWorld.FrenchArticleFor("a@example.org");
        var frenchReader = french with { Subscriber = french.Subscriber with { Language = "fr", AlsoReads = [] } };

        var enriched = await world.Enricher.EnrichAsync([frenchReader], Cancellation);

        world.Chat.Requests.ShouldNotContain(r => r.Instructions.Contains("translate", StringComparison.Ordinal));
        enriched[0].Themes[0].Items[0].Translation.ShouldBeNull();
    }
}
