using System.Text;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.EndToEnd;

/// <summary>From a blob put into <c>incoming</c> with the storage SDK to an email in maildev, through the running host.</summary>
[Collection(MaildevCollection.Name)]
public sealed class UploadBecomesDigestTests(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly string[] SeedThemes = ["health", "energy-compute", "national-security", "open-source-agents", "physical-ai", "ai-systems"];

    private RunningPipeline? _pipeline;

    private RunningPipeline Pipeline => _pipeline!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation);

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();

    [Fact]
    public async Task Seed_article_uploaded_to_incoming_becomes_one_French_digest_email_with_its_themes_and_source()
    {
        var bytes = RunningPipeline.SeedArticle(variant: "digest");
        var document = await Pipeline.UploadAndWaitForSummaryAsync("miami/sommet-ia.txt", bytes, Cancellation);

        var summaries = await Pipeline.Get<ISummaryStore>().GetAsync(document.Id, Cancellation);
        summaries.ShouldNotBeNull();
        summaries.Language.ShouldBe("fr");
        foreach (var theme in SeedThemes)
            summaries.Themes.Select(t => t.ThemeId).ShouldContain(theme);
        var health = summaries.Themes.Single(t => t.ThemeId == "health");
        health.Sentences.ShouldAllBe(s => s.Section.StartsWith("Santé"));

        var subscriber = await Pipeline.SubscribeAsync("camille.e2e@example.org", "fr", ["health", "energy-compute"], DateTimeOffset.UtcNow, Cancellation);
        await Pipeline.Get<PlanDigestsHandler>().RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancellation);

        var emails = await maildev.WaitForEmailsAsync(e => SentTo(e, subscriber.Email), 1, TimeSpan.FromSeconds(30), Cancellation);
        emails.Count.ShouldBe(1);
        var email = emails[0];
        email.Subject.ShouldNotBeNull();
        email.Subject.ShouldContain("Santé");
        email.Text.ShouldNotBeNullOrWhiteSpace();
        email.Html.ShouldNotBeNullOrWhiteSpace();
        email.Html.ShouldContain("Énergie et puissance de calcul");
        email.Text.ShouldContain("sommet-ia.txt");
        email.Text.ShouldContain("Les échanges avec Jackson Health System");
        email.MessageId.ShouldNotBeNullOrWhiteSpace();

        // RFC 8058 one-click: the header names an https URL whose token unsubscribes this subscriber from everything.
        email.Header("list-unsubscribe-post").ShouldBe("List-Unsubscribe=One-Click");
        var unsubscribe = email.Header("list-unsubscribe").ShouldNotBeNull().Trim();
        unsubscribe.ShouldStartWith($"<{RunningPipeline.PublicBaseUrl}/unsubscribe?token=");
        var token = new Uri(unsubscribe.Trim('<', '>')).Query.Split('=', 2)[1];
        var verified = Pipeline.Get<SubscriberTokens>().Verify(token, TokenPurpose.Unsubscribe);
        verified.Token.ShouldNotBeNull().SubscriberId.ShouldBe(subscriber.Id);
        email.Text.ShouldContain(unsubscribe.Trim('<', '>'));
        // Other tests of this class upload variants of the same article, so the item kept may be any of them.
        email.Html.ShouldMatch($"href=\"{RunningPipeline.PublicBaseUrl}/documents/[0-9a-f]+\\?token=[A-Za-z0-9_-]+&amp;hl=[0-9]+-[0-9]+");
    }

    [Fact]
    public async Task Planning_the_same_period_twice_and_delivering_its_message_twice_sends_one_email()
    {
        await Pipeline.UploadAndWaitForSummaryAsync("ledger.txt", RunningPipeline.SeedArticle(variant: "ledger"), Cancellation);
        var subscriber = await Pipeline.SubscribeAsync("jordan.e2e@example.com", "en", ["energy-compute"], DateTimeOffset.UtcNow, Cancellation);
        var now = DateTimeOffset.UtcNow.AddMinutes(1);

        var planner = Pipeline.Get<PlanDigestsHandler>();
        await planner.RunAsync(now, Cancellation);
        await planner.RunAsync(now, Cancellation);
        var period = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var duplicate = PipelineJson.Serialize(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, [new DigestRequest(subscriber.Id, period)]));
        await Pipeline.Get<IQueueSender>().SendAsync(StorageNames.DigestQueue, duplicate, Cancellation);
        await Pipeline.Get<IQueueSender>().SendAsync(StorageNames.DigestQueue, duplicate, Cancellation);

        (await maildev.WaitForEmailsAsync(e => SentTo(e, subscriber.Email), 1, TimeSpan.FromSeconds(30), Cancellation)).Count.ShouldBe(1);
        await Pipeline.WaitUntilIdleAsync(publishedAtLeast: 1, Cancellation);
        (await maildev.GetEmailsAsync(Cancellation)).Count(e => SentTo(e, subscriber.Email)).ShouldBe(1);
    }

    [Fact]
    public async Task Same_content_uploaded_again_under_another_name_is_still_one_document()
    {
        var bytes = RunningPipeline.SeedArticle(variant: "duplicate");
        var document = await Pipeline.UploadAndWaitForSummaryAsync("first-name.txt", bytes, Cancellation);

        await Pipeline.UploadAsync("dossier/second-name.txt", bytes, Cancellation);
        await Pipeline.WaitUntilIdleAsync(publishedAtLeast: 2, Cancellation);

        var records = await Pipeline.DocumentRecordsAsync(Cancellation);
        records.Count(r => r.Id == document.Id).ShouldBe(1);
        records.ShouldNotContain(r => r.SourceName == "dossier/second-name.txt");
        records.Single(r => r.Id == document.Id).Status.ShouldBe(DocumentStatus.Summarized);
    }

    [Fact]
    public async Task Binary_upload_is_quarantined_with_its_reason_and_the_host_keeps_running()
    {
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[10] = 0;
        await Pipeline.UploadAsync("photo.bin", binary, Cancellation);

        var quarantined = Pipeline.Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer).GetBlobClient("photo.bin");
        var properties = await RunningPipeline.EventuallyAsync(async () =>
            await quarantined.ExistsAsync(Cancellation) ? (await quarantined.GetPropertiesAsync(cancellationToken: Cancellation)).Value : null,
            "the quarantined blob", Cancellation);
        properties.Metadata["reason"].ShouldBe(nameof(RejectionReason.Binary));
        // The handler keeps the blob in quarantine before it writes the Documents row: wait for both.
        var record = await RunningPipeline.EventuallyAsync(async () =>
            (await Pipeline.DocumentRecordsAsync(Cancellation)).SingleOrDefault(r => r.SourceName == "photo.bin"),
            "the Rejected row", Cancellation);
        record.Status.ShouldBe(DocumentStatus.Rejected);
        record.Reason.ShouldNotBeNull();
        record.Reason.ShouldContain("Binary");

        // The host is still running: a good document uploaded afterwards is summarized.
        await Pipeline.UploadAndWaitForSummaryAsync("after-rejection.txt", RunningPipeline.SeedArticle(variant: "after-rejection"), Cancellation);
    }

    [Fact]
    public async Task A_summarize_message_for_a_document_never_ingested_goes_to_summarize_poison_at_once_with_its_error()
    {
        var message = PipelineJson.Serialize(new SummarizeMessage(SummarizeMessage.CurrentVersion, "no-such-document"));
        await Pipeline.Get<IQueueSender>().SendAsync(StorageNames.SummarizeQueue, message, Cancellation);

        var poison = new global::Azure.Storage.Queues.QueueClient(azurite.ConnectionString, StorageNames.PoisonQueue(StorageNames.SummarizeQueue));
        var poisoned = await RunningPipeline.EventuallyAsync(async () =>
        {
            var peeked = await poison.PeekMessagesAsync(32, Cancellation);
            return peeked.Value.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)))
                .FirstOrDefault(text => text.Contains("no-such-document"));
        }, "the poison message", Cancellation);

        poisoned.ShouldContain("never ingested");
        poisoned.ShouldContain("\"dequeueCount\":1");
    }

    private static bool SentTo(MaildevEmail email, string address) => RunningPipeline.SentTo(email, address);
}
