using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Sources;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Newsletters;

/// <summary>
/// Through the running local host (its timer, blob watcher, ingest and summarize on its own Azurite) and a real
/// dovecot on loopback: newsletters appended to the mailbox become summarized documents whose text keeps the article
/// and none of the chrome, titled by the article's heading and linked to the browser version; their PDF and
/// DOCX attachments become documents of their own; a newsletter forwarded as an attachment is read from the attached
/// message; each message is moved to the processed folder and never read again; a run stopped between the upload and
/// the move writes nothing twice.
/// </summary>
public sealed class A_newsletter_becomes_a_document_titled_by_its_heading(DovecotFixture dovecot) : IClassFixture<DovecotFixture>, IAsyncLifetime
{
    private const string Processed = "DigestPipeline.Processed"; // dovecot's maildir separator is '.'

    /// <summary>Someone who forwards newsletters to the mailbox (allowed; the newsletters' own senders need not be).</summary>
    private const string Forwarder = "analyst@digest.example";

    private readonly AzuriteFixture _azurite = new();
    private RunningPipeline _pipeline = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ReadNewslettersHandler Handler => _pipeline.Get<ReadNewslettersHandler>();

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var settings = dovecot.Settings(TestNewsletters.EnglishSender, TestNewsletters.FrenchSender, "@research.example", Forwarder);
        // The host's timer reads the mailbox once at start; after that it is not due for a day, so only the tests read it.
        settings["Newsletters:PollEvery"] = "1.00:00:00";
        _pipeline = await RunningPipeline.StartAsync(_azurite.ConnectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation, settings);
        var name = ReadNewslettersHandler.MailboxName(_pipeline.Get<IOptions<NewsletterOptions>>().Value);
        await RunningPipeline.EventuallyAsync(async () => (await _pipeline.Get<INewsletterStore>().GetMailboxAsync(name, Cancellation))?.LastRunAt, "the timer's first run", Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Its_article_without_chrome_becomes_a_document_linked_to_its_browser_version_and_the_message_is_read_once()
    {
        var newsletters = new[] { TestNewsletters.English(), TestNewsletters.French() };
        foreach (var newsletter in newsletters)
            await dovecot.AppendAsync(newsletter.Message);

        var run = await Handler.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        run.Status.ShouldBe(NewsletterRunStatus.Ran);
        run.Messages.Count.ShouldBe(2);
        run.Messages.ShouldAllBe(m => m.Problem == null && m.MovedTo == "DigestPipeline/Processed");
        foreach (var newsletter in newsletters)
        {
            var id = NewsletterIdentity.Hash("mail:" + newsletter.MessageId);
            var record = await SummarizedAsync(id);
            record.Title.ShouldBe(newsletter.Heading, "the article's heading, not the <title> nor the numbered subject");
            var document = (await _pipeline.Get<IDocumentStore>().GetAsync(id, Cancellation)).ShouldNotBeNull();
            document.SourceUrl.ShouldBe(ItemIdentity.Canonical(newsletter.BrowserLink));
            var text = TestNewsletters.Collapse(document.Text);
            foreach (var paragraph in newsletter.Paragraphs)
                text.ShouldContain(TestNewsletters.Collapse(paragraph));
            newsletter.ChromeIn(document.Text).ShouldBeEmpty($"chrome left in the text of {newsletter.Heading}");
        }

        (await dovecot.SubjectsAsync("INBOX")).ShouldBeEmpty();
        var processed = await dovecot.SubjectsAsync(Processed);
        foreach (var newsletter in newsletters)
            processed.ShouldContain(newsletter.Message.Subject);

        var again = await Handler.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);
        again.Messages.ShouldBeEmpty("processed messages are out of the folder read");
        (await _pipeline.DocumentRecordsAsync(Cancellation)).Count(r => r.SourceName.StartsWith("mail/", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Its_pdf_and_docx_attachments_become_documents_of_their_own()
    {
        var newsletter = TestNewsletters.WithAttachments();
        await dovecot.AppendAsync(newsletter.Message);

        var run = await Handler.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        var handled = run.Messages.ShouldHaveSingleItem();
        handled.Problem.ShouldBeNull();
        handled.Attachments.ShouldBe(2);
        var hash = NewsletterIdentity.Hash("mail:" + newsletter.MessageId);
        var records = await RunningPipeline.EventuallyAsync(async () =>
        {
            var all = (await _pipeline.DocumentRecordsAsync(Cancellation)).Where(r => r.SourceName.StartsWith($"mail/{hash}", StringComparison.Ordinal)).ToList();
            return all.Count == 3 && all.All(r => r.Status == DocumentStatus.Summarized) ? all : null;
        }, "the message and its two attachments to be summarized", Cancellation);

        var pdf = records.Single(r => r.SourceName.EndsWith(".pdf", StringComparison.Ordinal));
        var docx = records.Single(r => r.SourceName.EndsWith(".docx", StringComparison.Ordinal));
        TestNewsletters.Collapse((await _pipeline.Get<IDocumentStore>().GetAsync(pdf.Id, Cancellation))!.Text).ShouldContain(TestNewsletters.PdfText[1]);
        TestNewsletters.Collapse((await _pipeline.Get<IDocumentStore>().GetAsync(docx.Id, Cancellation))!.Text).ShouldContain(TestNewsletters.DocxParagraphs[0]);
        docx.Title.ShouldBe("Backup power at Northside Hospital");
        records.Single(r => r.SourceName == NewsletterIdentity.BlobName(hash)).Title.ShouldBe(newsletter.Heading);
    }

    [Fact]
    public async Task A_run_stopped_between_upload_and_move_reads_the_message_again_and_writes_nothing_twice()
    {
        var newsletter = TestNewsletters.English();
        await dovecot.AppendAsync(newsletter.Message);
        var crashing = ActivatorUtilities.CreateInstance<ReadNewslettersHandler>(_pipeline.Services, new MoveFails(_pipeline.Get<IMailbox>()));

        var first = await crashing.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        first.Status.ShouldBe(NewsletterRunStatus.Failed);
        (await dovecot.SubjectsAsync("INBOX")).ShouldHaveSingleItem("not moved");
        var hash = NewsletterIdentity.Hash("mail:" + newsletter.MessageId);
        var blob = _pipeline.Get<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(NewsletterIdentity.BlobName(hash));
        var uploaded = (await blob.GetPropertiesAsync(cancellationToken: Cancellation)).Value.ETag;
        await SummarizedAsync(hash);

        var second = await Handler.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        second.Messages.ShouldHaveSingleItem().Problem.ShouldBeNull();
        (await blob.GetPropertiesAsync(cancellationToken: Cancellation)).Value.ETag.ShouldBe(uploaded, "the same bytes: no new version, no second ingest");
        (await dovecot.SubjectsAsync("INBOX")).ShouldBeEmpty();
        (await _pipeline.DocumentRecordsAsync(Cancellation)).Count(r => r.SourceName == NewsletterIdentity.BlobName(hash)).ShouldBe(1);
    }

    [Fact]
    public async Task A_newsletter_forwarded_as_an_attachment_is_read_from_the_attached_message()
    {
        var newsletter = TestNewsletters.French();
        var forward = new MimeKit.MimeMessage { Subject = "Fwd: " + newsletter.Message.Subject };
        forward.From.Add(new MimeKit.MailboxAddress("Analyst", Forwarder));
        forward.To.Add(new MimeKit.MailboxAddress("Digest", "newsletters@digest.example"));
        forward.Body = new MimeKit.Multipart("mixed")
        {
            new MimeKit.TextPart("plain") { Text = "Worth a look for the Thursday briefing." },
            new MimeKit.MessagePart { Message = newsletter.Message, ContentDisposition = new MimeKit.ContentDisposition(MimeKit.ContentDisposition.Attachment) },
        };
        await dovecot.AppendAsync(forward);

        var run = await Handler.ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        run.Messages.ShouldHaveSingleItem().Problem.ShouldBeNull();
        var id = NewsletterIdentity.Hash("mail:" + newsletter.MessageId);
        (await SummarizedAsync(id)).Title.ShouldBe(newsletter.Heading);
        var document = (await _pipeline.Get<IDocumentStore>().GetAsync(id, Cancellation)).ShouldNotBeNull();
        document.SourceUrl.ShouldBe(ItemIdentity.Canonical(newsletter.BrowserLink));
        document.Text.ShouldNotContain("Thursday briefing");
        newsletter.ChromeIn(document.Text).ShouldBeEmpty();
    }

    private async Task<DocumentRecord> SummarizedAsync(string id) =>
        await RunningPipeline.EventuallyAsync(async () =>
            (await _pipeline.Get<IDocumentRecords>().GetRecordAsync(id, Cancellation)) is { Status: DocumentStatus.Summarized } record ? record : null,
            $"document {id} to be summarized", Cancellation);

    /// <summary>The real mailbox whose moves fail as a dropped connection would: the crash point between upload and move.</summary>
    private sealed class MoveFails(IMailbox inner) : IMailbox
    {
        public async Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken) => new Session(await inner.OpenAsync(cancellationToken));

        private sealed class Session(IMailboxSession inner) : IMailboxSession
        {
            public Task<IReadOnlyList<MailboxMessage>> ReadAsync(int max, CancellationToken cancellationToken) => inner.ReadAsync(max, cancellationToken);

            public Task MoveAsync(MailboxMessage message, string folder, CancellationToken cancellationToken) =>
                throw new MailboxUnavailableException("connection dropped before the move");

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
