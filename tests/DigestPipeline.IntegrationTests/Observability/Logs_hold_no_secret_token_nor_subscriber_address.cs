using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Hosting;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.LocalHost;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// Every log record at Information and above of a whole run (upload → summary → sign-up and confirmation by
/// email → digest by authenticated SMTP to maildev → the digest's links followed → one-click unsubscribe) is
/// scanned for the token secret, the SMTP password, every token the emails carried and any email address.
/// </summary>
public sealed partial class Logs_hold_no_secret_token_nor_subscriber_address(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string TokenSecret = "log-scan-token-secret-7f3a9c1e5b2d4f60a8c7e9b1d3f5a7c9";
    private const string SmtpPassword = "log-scan-smtp-password-Q9v!x2#Lm";
    private const string FromAddress = "digest@digestpipeline.localhost";
    private const string PublicBaseUrl = "https://digest.example.test";

    private readonly MaildevFixture _maildev = new(new NetworkCredential("digest-relay", SmtpPassword));
    private readonly LogCapture _logs = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _maildev.InitializeAsync();

    public async ValueTask DisposeAsync() => await _maildev.DisposeAsync();

    [Fact]
    public async Task A_whole_run_logs_ids_but_no_secret_token_or_subscriber_address()
    {
        var address = $"camille.logscan-{Guid.NewGuid():N}@example.org";
        var tokens = new List<string>();
        using (var host = StartHost())
        {
            await host.StartAsync(Cancellation);
            using var http = new HttpClient { BaseAddress = new Uri(host.PageAddresses()[0]) };

            var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt"))
                                               + $"\n\nNote de la rédaction : version {Guid.NewGuid():N}.\n");
            var documentId = new DocumentReader(new DocumentReaderOptions()).Read("sommet.txt", bytes, DateTimeOffset.UtcNow, cancellationToken: TestContext.Current.CancellationToken).Id;
            await azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient("sommet.txt").UploadAsync(new BinaryData(bytes), Cancellation);
            await RunningPipeline.EventuallyAsync(async () =>
                await host.Services.GetRequiredService<IDocumentRecords>().GetRecordAsync(documentId, Cancellation) is { Status: DocumentStatus.Summarized } r ? r : null,
                "the summary", Cancellation);

            (await http.PostAsync("/subscribe", SignUpForm(address), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var confirmation = await SingleMailToAsync(address, "Confirmez");
            var links = LinksIn(confirmation);
            tokens.AddRange(links.Select(TokenOf));
            (await http.GetAsync(links.Single(l => l.AbsolutePath == "/confirm").PathAndQuery, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var subscriberId = Subscriber.IdFor(address);
            (await host.Services.GetRequiredService<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { subscriberId }, Cancellation)).ShouldBe(1);
            var digest = await SingleMailToAsync(address, "Santé");
            links = LinksIn(digest);
            tokens.AddRange(links.Select(TokenOf));
            foreach (var link in links.Where(l => l.AbsolutePath != "/unsubscribe").DistinctBy(l => l.AbsolutePath))
                (await http.GetAsync(link.PathAndQuery, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK, link.AbsolutePath);
            var unsubscribe = new Uri(digest.Header("list-unsubscribe").ShouldNotBeNull().Trim().Trim('<', '>'));
            tokens.Add(TokenOf(unsubscribe));
            (await http.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancellation))
                .StatusCode.ShouldBe(HttpStatusCode.OK);

            await host.StopAsync(Cancellation);
        }

        var records = _logs.Records.Where(r => r.Level >= LogLevel.Information).ToList();
        // The capture saw the run: without these, an empty log would pass every check below.
        records.ShouldContain(r => r.Text.Contains("Ingested sommet.txt"));
        records.ShouldContain(r => r.Text.Contains("Sent digest"));
        records.ShouldContain(r => r.Text.Contains("confirmed their subscription"));
        records.ShouldContain(r => r.Text.Contains("unsubscribed"));
        records.ShouldContain(r => r.Text.Contains("SMTP connection") && r.Text.Contains("authenticated"));
        records.ShouldContain(r => r.Text.Contains("SubscriberId=" + Subscriber.IdFor(address)));
        tokens.Count.ShouldBeGreaterThan(3);

        var localPart = address[..address.IndexOf('@')];
        foreach (var record in records)
        {
            var where = $"{record.Level} {record.Category}: {record.Text}";
            record.Text.ShouldNotContain(TokenSecret, customMessage: where);
            record.Text.ShouldNotContain(SmtpPassword, customMessage: where);
            record.Text.ShouldNotContain(localPart, Case.Insensitive, customMessage: where);
            foreach (var token in tokens)
                record.Text.ShouldNotContain(token, customMessage: where);
            // The sender's own domain is the system's: its From address and the digests' Message-IDs
            // (digest-{subscriber id}-{period}@that domain) name no person.
            foreach (Match match in EmailAddress().Matches(record.Text))
                match.Value.ShouldEndWith("@" + FromAddress.Split('@')[1], customMessage: where);
        }
    }

    private IHost StartHost()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Mail:Smtp:Host"] = _maildev.Host,
            ["Mail:Smtp:Port"] = _maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:UserName"] = "digest-relay",
            ["Mail:Smtp:Password"] = SmtpPassword,
            ["Digests:FromAddress"] = FromAddress,
            ["Digests:IndexSettleTime"] = "00:00:00",
            ["Subscriptions:TokenSecret"] = TokenSecret,
            ["Subscriptions:PublicBaseUrl"] = PublicBaseUrl,
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["LocalHost:BlobPollInterval"] = "00:00:00.100",
        };
        var configuration = azurite.Configuration(settings);
        return azurite.BuildHost(settings, services =>
        {
            services.AddDigestPipeline(configuration);
            services.AddDigestMail(configuration);
            services.AddLocalFunctionsHost(configuration);
            services.AddSingleton<ILoggerProvider>(_logs);
            services.Configure<LoggerFilterOptions>(filters =>
                filters.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Information, null)));
        }, serveSubscriberPages: true);
    }

    private async Task<MaildevEmail> SingleMailToAsync(string address, string subjectContains) =>
        (await _maildev.WaitForEmailsAsync(m => m.To?.Any(t => t.Address == address) == true && m.Subject?.Contains(subjectContains) == true,
            1, TimeSpan.FromSeconds(30), Cancellation)).ShouldHaveSingleItem();

    /// <summary>Every link of the email to the subscriber pages (they all carry a token).</summary>
    private static List<Uri> LinksIn(MaildevEmail email) =>
        TokenLink().Matches(email.Text + " " + WebUtility.HtmlDecode(email.Html)).Select(m => new Uri(m.Value)).DistinctBy(u => u.ToString()).ToList();

    private static string TokenOf(Uri link) =>
        System.Web.HttpUtility.ParseQueryString(link.Query)["token"].ShouldNotBeNull();

    private static FormUrlEncodedContent SignUpForm(string address) => new(
    [
        new("email", address),
        new("name", "Camille"),
        new("themes", "health"),
        new("language", "fr"),
        new("frequency", "weekly"),
        new("day", "monday"),
        new("time", "07:30"),
        new("cron", ""),
        new("timeZone", "Europe/Paris"),
    ]);

    [GeneratedRegex(@"https://digest\.example\.test/[A-Za-z0-9/_-]*\?[^\s""<>]*token=[A-Za-z0-9_-]+[^\s""<>]*")]
    private static partial Regex TokenLink();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
