using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// Fault: the SMTP server (a real maildev process) is stopped for 2 minutes in the middle of a digest run, then
/// started again on the same port. With the shipped retry settings (SMTP: 3 attempts 1–10 s apart inside one queue
/// attempt; the queue endpoint: retries from 5 s doubling to 1 min, for 15 minutes) nothing reaches digest-poison
/// and every digest is delivered once. Before the queue endpoint, the trigger's 5 dequeues put a digest in poison
/// after about 30 s of outage. A digest whose "250" the server was writing when it died may arrive twice, with the
/// same Message-ID (the SMTP window).
/// </summary>
[StartsFirst]
public sealed class Smtp_server_down_for_two_minutes(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private const int Subscribers = 20;
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(2);

    private readonly string _mailDirectory = Directory.CreateTempSubdirectory("digest-smtp-outage-").FullName;
    private MaildevServer? _maildev;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_digest_is_delivered_once_after_the_server_returns()
    {
        _maildev = await MaildevServer.StartAsync(mailDirectory: _mailDirectory, cancellationToken: Cancellation);
        var ports = (_maildev.SmtpPort, _maildev.WebPort);
        await using var pipeline = await RunningPipeline.StartAsync(azurite.ConnectionString, _maildev.Host, _maildev.SmtpPort, Cancellation,
            new Dictionary<string, string?>
            {
                // Spreads the run over ~10 s so that the stop falls in its middle.
                ["Mail:Smtp:MaxMessagesPerSecond"] = "2",
                ["Digests:BatchSize"] = "5",
            });
        await pipeline.UploadAndWaitForSummaryAsync("outage.txt", RunningPipeline.SeedArticle("smtp-outage"), Cancellation);
        var addresses = Enumerable.Range(0, Subscribers).Select(i => $"outage{i:00}@example.org").ToList();
        foreach (var address in addresses)
            await pipeline.SubscribeAsync(address, "en", ["energy-compute"], DateTimeOffset.UtcNow, Cancellation);
        (await pipeline.Get<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, null, Cancellation)).ShouldBe(Subscribers);

        await AzuriteEventually.UntilAsync(() => ReceivedMail.ReadAll(_mailDirectory).Count >= 4, "the first digests", TimeSpan.FromSeconds(60));
        await _maildev.DisposeAsync();
        _maildev = null;
        var beforeStop = ReceivedMail.ReadAll(_mailDirectory);
        TestContext.Current.TestOutputHelper?.WriteLine($"SMTP server stopped after {beforeStop.Count} of {Subscribers} digests; down for {Outage.TotalSeconds:0} s");
        beforeStop.Count.ShouldBeLessThan(Subscribers, "the outage must fall inside the run");
        await Task.Delay(Outage, Cancellation);

        _maildev = await MaildevServer.StartAsync(ports: ports, mailDirectory: _mailDirectory, cancellationToken: Cancellation);
        var returnedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        await AzuriteEventually.UntilAsync(() => ReceivedMail.ReadAll(_mailDirectory).Select(m => m.Recipient).Distinct().Count() == Subscribers,
            "every subscriber's digest after the server returned", TimeSpan.FromMinutes(3));
        TestContext.Current.TestOutputHelper?.WriteLine($"every digest delivered {System.Diagnostics.Stopwatch.GetElapsedTime(returnedAt).TotalSeconds:0} s after the server returned");
        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 1, Cancellation);

        var received = ReceivedMail.ReadAll(_mailDirectory);
        received.Select(m => m.Recipient).Distinct().Order().ShouldBe(addresses);
        received.Select(m => m.MessageId).Distinct().Count().ShouldBe(Subscribers, "one Message-ID per digest");
        beforeStop.ShouldAllBe(m => received.Contains(m));
        // The one duplicate SMTP allows (RFC 1047): the server stored a message and died before the client read
        // its "250"; the retry sends the same Message-ID. Only a digest the server had when it stopped may come twice.
        var twice = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{received.Count} messages for {Subscribers} digests; received twice (accepted as the server stopped): {twice.Count}");
        twice.ShouldAllBe(g => g.Count() == 2 && beforeStop.Any(m => m.MessageId == g.Key));
        (await azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue)).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0);
        var sent = 0;
        await foreach (var delivery in pipeline.Get<IDeliveryLedger>().ListRecentAsync(100, Cancellation))
            sent += delivery.State == DeliveryState.Sent ? 1 : 0;
        sent.ShouldBe(Subscribers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_maildev is not null)
            await _maildev.DisposeAsync();
        Directory.Delete(_mailDirectory, recursive: true);
    }
}
