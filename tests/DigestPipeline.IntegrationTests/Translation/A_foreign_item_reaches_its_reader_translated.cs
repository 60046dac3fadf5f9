using System.Net;
using DigestPipeline.Core.Digests;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Translation;

/// <summary>
/// With a translation provider configured (here <see cref="FakeChatProvider"/>, a fake of the remote AI provider on
/// loopback), English readers who also read French get the French seed article in English, marked as translated, with
/// its original one click away, and each theme opens on a checked lead. Every piece of the article is sent to the
/// provider once, however many readers get it: two in one batch, a third in a later one (as a retry would, it finds
/// the pieces in the <c>translations</c> container).
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class A_foreign_item_reaches_its_reader_translated(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Themes = ["health", "energy-compute"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readers_get_the_article_translated_with_its_original_link_and_each_sentence_is_translated_once()
    {
        await using var provider = await FakeChatProvider.StartAsync(Cancellation);
        await using var pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation, new Dictionary<string, string?>
        {
            ["Translation:Endpoint"] = provider.Endpoint,
            ["Translation:Model"] = "fake-model",
            ["Translation:ApiKey"] = "sk-fake-translation-key",
        });
        await pipeline.UploadAndWaitForSummaryAsync("translated/sommet-ia.txt", RunningPipeline.SeedArticle(variant: "translated"), Cancellation);
        var now = DateTimeOffset.UtcNow;
        var ana = await pipeline.SubscribeAsync("ana.translated@example.org", "en", Themes, now, Cancellation);
        var ben = await pipeline.SubscribeAsync("ben.translated@example.org", "en", Themes, now, Cancellation);
        var planner = pipeline.Get<PlanDigestsHandler>();

        await planner.RunAsync(now.AddMinutes(1), Cancellation);
        var first = await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, ana.Email) || RunningPipeline.SentTo(e, ben.Email), 2,
            TimeSpan.FromSeconds(30), Cancellation);
        var translatedOnce = provider.Translated;
        var leadRequests = provider.LeadRequests;
        var cleo = await pipeline.SubscribeAsync("cleo.translated@example.org", "en", Themes, now, Cancellation);
        await planner.RunAsync(now.AddMinutes(2), Cancellation);
        var later = await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, cleo.Email), 1, TimeSpan.FromSeconds(30), Cancellation);

        first.Count.ShouldBe(2);
        later.Count.ShouldBe(1);
        foreach (var email in first.Concat(later))
        {
            var text = email.Text.ShouldNotBeNull();
            text.ShouldContain("(translated from French)");
            text.ShouldContain($"Read the original (in French):\n  {RunningPipeline.PublicBaseUrl}/documents/");
            text.ShouldContain("\u201C" + FakeChatProvider.TranslationMark);
            // The lead: its grounded sentence kept, its invented figure replaced by the best extract.
            text.ShouldContain("[Machine-written summary] " + FakeChatProvider.TranslationMark);
            text.ShouldNotContain("987654");
            var html = WebUtility.HtmlDecode(email.Html.ShouldNotBeNull());
            html.ShouldContain(">Read the original (in French)</a>");
            html.ShouldMatch("<blockquote [^>]*title=\"[^\"]+\"");
        }

        // Title, headings and sentences, each sent once for the three readers; the third reader's digest asked nothing new.
        translatedOnce.ShouldNotBeEmpty();
        translatedOnce.Values.ShouldAllBe(count => count == 1);
        provider.Translated.ShouldBe(translatedOnce);
        provider.LeadRequests.ShouldBe(leadRequests);
        provider.Authorizations.ShouldAllBe(header => header == "Bearer sk-fake-translation-key");
    }
}
