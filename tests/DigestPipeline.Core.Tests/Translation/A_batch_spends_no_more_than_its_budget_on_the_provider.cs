using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// A slow provider (a laptop's local model) answering every request, but slowly, must not hold a batch of digests for
/// long: once <c>Translation:BatchBudget</c> (2 minutes) is spent, the batch's remaining pieces and leads are not asked
/// for and its digests go out, the rest untranslated.
/// </summary>
public sealed class A_batch_spends_no_more_than_its_budget_on_the_provider
{
    [Fact]
    public async Task Past_two_minutes_of_requests_the_remaining_documents_stay_untranslated_and_no_lead_is_asked()
    {
        TranslationWorld? world = null;
        // Each answer takes 70 s of the fake clock.
        var chat = new ScriptedChatClient((instructions, request) =>
        {
            world!.Time.Advance(TimeSpan.FromSeconds(70));
            return TranslationWorld.Answer(instructions, request);
        });
        world = new TranslationWorld(chat);
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        var items = new[] { "doc-1", "doc-2", "doc-3" }.Select(id => TranslationWorld.FrenchArticle() with { DocumentId = id }).ToList();
        content = content with { Themes = [content.Themes[0] with { Items = items }] };

        var enriched = (await world.Enricher.EnrichAsync([content], TestContext.Current.CancellationToken))[0];

        // Asked at 0 s and 70 s; at 140 s the budget is spent.
        world.Chat.Requests.Count.ShouldBe(2);
        enriched.Themes[0].Items.Select(i => i.Translation is not null).ShouldBe([true, true, false]);
        enriched.Themes[0].Lead.ShouldBeEmpty();
        world.EnricherLog.Records.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Level.ShouldBe(LogLevel.Information),
            r => r.Message.ShouldContain("Translation:BatchBudget"));
    }
}
