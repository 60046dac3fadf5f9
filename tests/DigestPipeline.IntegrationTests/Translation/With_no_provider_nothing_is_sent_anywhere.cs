using DigestPipeline.Core.Digests;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Translation;

/// <summary>
/// Translation is off by default, and then nothing leaves the machine for it: no chat client exists, and while an
/// English reader of French gets the French article (where a provider would translate), every HTTP request the process
/// sends goes to the local storage emulator, none to a chat endpoint.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class With_no_provider_nothing_is_sent_anywhere(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_digest_with_a_foreign_item_is_sent_labelled_and_no_request_goes_to_a_model()
    {
        using var requests = new OutgoingHttpRequests();
        await using var pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation);
        await pipeline.UploadAndWaitForSummaryAsync("offline/sommet-ia.txt", RunningPipeline.SeedArticle(variant: "offline"), Cancellation);
        var reader = await pipeline.SubscribeAsync("fay.offline@example.org", "en", ["health"], DateTimeOffset.UtcNow, Cancellation);

        await pipeline.Get<PlanDigestsHandler>().RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancellation);
        var emails = await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, reader.Email), 1, TimeSpan.FromSeconds(30), Cancellation);

        emails.ShouldHaveSingleItem().Text.ShouldNotBeNull().ShouldContain("(in French)");
        pipeline.Services.GetService<IChatClient>().ShouldBeNull();
        pipeline.Get<DigestEnricher>().IsActive.ShouldBeFalse();
        var uris = requests.Uris;
        uris.ShouldNotBeEmpty("the recorder sees the storage requests");
        uris.ShouldAllBe(uri => uri.IsLoopback, "nothing leaves the machine");
        uris.ShouldNotContain(uri => uri.AbsolutePath.Contains("chat/completions", StringComparison.Ordinal));
    }
}
