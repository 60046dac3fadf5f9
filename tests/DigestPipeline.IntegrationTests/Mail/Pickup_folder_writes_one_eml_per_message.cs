using DigestPipeline.Core.Digests;
using DigestPipeline.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

public sealed class Pickup_folder_writes_one_eml_per_message : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "digest-pickup-" + Guid.NewGuid().ToString("N"));

    private PickupFolderMailSender Sender() => new(
        Options.Create(new MailOptions { PickupDirectory = _folder }), NullLogger<PickupFolderMailSender>.Instance);

    [Fact]
    public async Task Eml_parses_back_with_both_parts_and_an_html_preview_sits_beside_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestDigests.Email();

        await Sender().SendAsync(email, ct);

        var eml = Directory.GetFiles(_folder, "*.eml").ShouldHaveSingleItem();
        Path.GetFileName(eml).ShouldBe(email.MessageId + ".eml");
        using var message = await MimeMessage.LoadAsync(eml, ct);
        message.MessageId.ShouldBe(email.MessageId);
        message.Subject.ShouldBe(email.Subject);
        message.Body.ShouldBeOfType<MultipartAlternative>().Count.ShouldBe(2);
        message.TextBody.ShouldBe(email.TextBody);
        message.HtmlBody.ShouldBe(email.HtmlBody);
        message.Body.ContentType.MimeType.ShouldBe("multipart/alternative");
        ((TextPart)((Multipart)message.Body)[0]).ContentType.Charset.ShouldBe("utf-8");

        var html = Directory.GetFiles(_folder, "*.html").ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(html, ct)).ShouldBe(email.HtmlBody);
    }

    [Fact]
    public async Task Writing_the_same_message_twice_leaves_one_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestDigests.Email();

        await Sender().SendAsync(email, ct);
        await Sender().SendAsync(email with { TextBody = email.TextBody + "\nsecond" }, ct);

        var eml = Directory.GetFiles(_folder).Where(f => f.EndsWith(".eml", StringComparison.Ordinal)).ShouldHaveSingleItem();
        Directory.GetFiles(_folder).Length.ShouldBe(2);
        using var message = await MimeMessage.LoadAsync(eml, ct);
        message.TextBody.ShouldEndWith("second");
    }

    [Theory]
    [InlineData("../../etc/passwd@x")]
    [InlineData("a/b\\c@x")]
    [InlineData("abc\\..\\..\\windows@x")]
    public async Task File_names_from_hostile_message_ids_stay_in_the_folder(string messageId)
    {
        var ct = TestContext.Current.CancellationToken;

        await Sender().SendAsync(TestDigests.Email(messageId), ct);

        var eml = Directory.GetFiles(_folder, "*.eml").ShouldHaveSingleItem();
        Path.GetDirectoryName(eml).ShouldBe(_folder);
        Path.GetFileName(eml).ShouldNotContain("/");
        Path.GetFileName(eml).ShouldNotStartWith(".");
    }

    [Fact]
    public void Sanitised_names_of_different_ids_differ()
    {
        PickupFolderMailSender.FileNameFor("a/b@x").ShouldNotBe(PickupFolderMailSender.FileNameFor("a_b@x"));
        PickupFolderMailSender.FileNameFor("a_b@x").ShouldBe("a_b@x");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
