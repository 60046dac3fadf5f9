using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Newsletters;

/// <summary>
/// The running local host with its IMAP server stopped (dovecot killed): the newsletter timer records the failure
/// with its reason, backs off, logs the outage once and the return once, and every other loop goes on (an upload is
/// still summarized); once dovecot is back, the next due run reads the mailbox and the newsletter becomes a document.
/// </summary>
public sealed class The_host_keeps_running_while_the_mailbox_is_down(DovecotFixture dovecot) : IClassFixture<DovecotFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly LogCapture _logs = new();
    private RunningPipeline _pipeline = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await dovecot.StopAsync();
        var settings = dovecot.Settings(TestNewsletters.EnglishSender);
        // A day between runs, so that the host's own timer (at start, then every 5 minutes) never runs beside the test's.
        settings["Newsletters:PollEvery"] = "1.00:00:00";
        settings["Newsletters:Timeout"] = "00:00:05";
        _pipeline = await RunningPipeline.StartAsync(_azurite.ConnectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation, settings,
            configure: builder => builder.Logging.AddProvider(_logs).AddFilter<LogCapture>(typeof(ReadNewslettersHandler).FullName, LogLevel.Information));
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
        await dovecot.StartAsync(); // as the fixture was given (a no-op when the test got that far)
    }

    [Fact]
    public async Task Failures_are_recorded_and_backed_off_and_the_mailbox_is_read_when_it_returns()
    {
        var handler = _pipeline.Get<ReadNewslettersHandler>();
        var store = _pipeline.Get<INewsletterStore>();
        var name = ReadNewslettersHandler.MailboxName(_pipeline.Get<IOptions<NewsletterOptions>>().Value);
        // The host's timer ran the handler at start, against the stopped server.
        var first = await RunningPipeline.EventuallyAsync(async () => await store.GetMailboxAsync(name, Cancellation) is { ConsecutiveFailures: 1 } s ? s : null,
            "the timer's first run to record the failure", Cancellation);
        first.LastError.ShouldNotBeNull().ShouldContain($"IMAP 127.0.0.1:{dovecot.Port}");

        // Not due yet: backing off, the timer's runs do nothing.
        (await handler.ReadAsync(DateTimeOffset.UtcNow, force: false, Cancellation)).Status.ShouldBe(NewsletterRunStatus.NotDue);
        var later = first.NextRunAt.AddMinutes(1);
        var second = await handler.ReadAsync(later, force: false, Cancellation);
        second.Status.ShouldBe(NewsletterRunStatus.Failed);
        second.State!.ConsecutiveFailures.ShouldBe(2);
        _logs.Records.Count(r => r.Level == LogLevel.Warning && r.Text.Contains("is unreachable", StringComparison.Ordinal)).ShouldBe(1, "the outage is logged when it starts, not at every run");

        // Every other loop goes on.
        _pipeline.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
        await _pipeline.UploadAndWaitForSummaryAsync("still-working.txt", RunningPipeline.SeedArticle("outage"), Cancellation);

        await dovecot.StartAsync();
        var newsletter = TestNewsletters.English();
        await dovecot.AppendAsync(newsletter.Message);
        var third = await handler.ReadAsync(second.State.NextRunAt.AddMinutes(1), force: false, Cancellation);

        third.Status.ShouldBe(NewsletterRunStatus.Ran);
        third.State!.ConsecutiveFailures.ShouldBe(0);
        third.Messages.ShouldHaveSingleItem().Problem.ShouldBeNull();
        _logs.Records.Count(r => r.Level == LogLevel.Information && r.Text.Contains("is reachable again after 2 failed run(s)", StringComparison.Ordinal)).ShouldBe(1);
        var id = NewsletterIdentity.Hash("mail:" + newsletter.MessageId);
        await RunningPipeline.EventuallyAsync(async () =>
            (await _pipeline.Get<IDocumentRecords>().GetRecordAsync(id, Cancellation)) is { Status: DocumentStatus.Summarized } record ? record : null,
            "the newsletter to be summarized", Cancellation);
    }
}
