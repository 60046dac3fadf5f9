using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Newsletters;

/// <summary>
/// <c>digest newsletters run</c> and <c>digest status</c> as a user runs them, on Azurite and a real dovecot: a message
/// from an unknown sender, one with no text, one with an oversize attachment and one with an attachment of a type no
/// reader takes are each recorded with their reason, moved to the refused folder (nothing deleted, nothing read
/// twice) and shown by <c>status</c>; the oversize attachment's message still gives its text.
/// </summary>
public sealed class Refused_newsletters_are_recorded_moved_and_shown(AzuriteFixture azurite, DovecotFixture dovecot)
    : IClassFixture<AzuriteFixture>, IClassFixture<DovecotFixture>
{
    private const string Refused = "DigestPipeline.Refused"; // dovecot's maildir separator is '.'

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<(int ExitCode, string Output, string Errors)> Digest(params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
            ["Newsletters__MaxAttachmentBytes"] = "4096",
        };
        foreach (var (key, value) in dovecot.Settings(TestNewsletters.EnglishSender))
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        return DigestCommand.RunAsync(environment, arguments);
    }

    [Fact]
    public async Task Each_refusal_has_its_reason_its_folder_and_its_line_in_status()
    {
        var stranger = TestNewsletters.Message("offers@unknown.example", "Offers", "Our best offers", "<html><body><h1>Buy now</h1><p>Everything must go this weekend, at half price in every shop.</p></body></html>");
        var empty = TestNewsletters.Message(TestNewsletters.EnglishSender, "The Weekly Brief", "Nothing to read", "<html><body><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></body></html>");
        var oversize = TestNewsletters.English();
        var big = TestNewsletters.Pdf(Enumerable.Range(0, 900).Select(i => $"Line {i} of an annex far too large for the mailbox's cap on attachments."));
        big.Length.ShouldBeGreaterThan(4096);
        var withBig = TestNewsletters.Message(TestNewsletters.EnglishSender, "The Weekly Brief", oversize.Message.Subject!, oversize.Message.HtmlBody!, ("annex.pdf", "application/pdf", big));
        var withZip = TestNewsletters.Message(TestNewsletters.EnglishSender, "The Weekly Brief", "Data of the week", oversize.Message.HtmlBody!, ("data.zip", "application/zip", [0x50, 0x4B, 0x03, 0x04, 0, 0]));
        foreach (var message in new[] { stranger, empty, withBig, withZip })
            await dovecot.AppendAsync(message);

        var run = await Digest("newsletters", "run");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.Output.ShouldContain("offers@unknown.example: Our best offers");
        run.Output.ShouldContain("sender offers@unknown.example is not in Newsletters:AllowedSenders");
        run.Output.ShouldContain("the message holds no text");
        run.Output.ShouldContain("attachment 'annex.pdf' is");
        run.Output.ShouldContain("over Newsletters:MaxAttachmentBytes (4,096)");
        run.Output.ShouldContain("attachment 'data.zip' (application/zip) is not read");
        (await dovecot.SubjectsAsync("INBOX")).ShouldBeEmpty();
        (await dovecot.SubjectsAsync(Refused)).Count.ShouldBe(4, "every refusal kept, none deleted");

        // The oversize attachment's message still gives its text; the stranger's gives nothing.
        await using var services = azurite.BuildServices();
        var incoming = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        (await incoming.GetBlobClient(NewsletterIdentity.BlobName(NewsletterIdentity.Hash("mail:" + withBig.MessageId))).ExistsAsync(Cancellation)).Value.ShouldBeTrue();
        (await incoming.GetBlobClient(NewsletterIdentity.BlobName(NewsletterIdentity.Hash("mail:" + stranger.MessageId))).ExistsAsync(Cancellation)).Value.ShouldBeFalse();
        await foreach (var blob in incoming.GetBlobsAsync(BlobTraits.None, BlobStates.None, "mail/", Cancellation))
            blob.Name.ShouldNotEndWith("annex.pdf");

        var status = await Digest("status");
        status.ExitCode.ShouldBe(0, status.Output + status.Errors);
        status.Output.ShouldContain("Newsletter mailbox");
        // (the table wraps long reasons over lines)
        status.Output.ShouldContain("sender offers@unknown.example is not in");
        status.Output.ShouldContain("Newsletters:AllowedSenders");
        status.Output.ShouldContain("the message holds no text");
        status.Output.ShouldContain("DigestPipeline/Refused");

        (await Digest("newsletters", "run")).Output.ShouldContain("No new message.");
    }

    [Fact]
    public async Task Without_a_host_the_handler_does_nothing_and_connects_nowhere()
    {
        await using var services = azurite.BuildServices(new Dictionary<string, string?> { ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json") },
            s => s.AddDigestPipelineCore().AddDigestMail(azurite.Configuration()));

        var run = await services.GetRequiredService<ReadNewslettersHandler>().ReadAsync(DateTimeOffset.UtcNow, force: true, Cancellation);

        run.Status.ShouldBe(NewsletterRunStatus.Off);
    }
}
