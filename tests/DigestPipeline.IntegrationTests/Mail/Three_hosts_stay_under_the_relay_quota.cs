using System.Globalization;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Faults;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>
/// Three real <c>digest up</c> hosts (child processes) on one Azurite send a digest run of 70 subscribers through one
/// SMTP server (maildev) whose quota is 60 messages a minute (<c>Mail__Smtp__QuotaPerMinute</c>). Each host alone
/// would send the whole run in seconds; together they keep to the quota: measured at the server (the time each
/// message was written), no 60-second window holds more than the quota, every digest arrives once and nothing is
/// poisoned. Turns beyond <c>Mail__Smtp__QuotaMaxWait</c> send their batch back to the queue, which this run needs.
/// </summary>
[StartsFirst]
public sealed class Three_hosts_stay_under_the_relay_quota(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private const int Subscribers = 70;
    private const int QuotaPerMinute = 60;
    private const int Hosts = 3;

    private readonly string _mailDirectory = Directory.CreateTempSubdirectory("digest-quota-").FullName;
    private MaildevServer? _maildev;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_minute_holds_more_messages_than_the_quota_and_every_digest_arrives_once()
    {
        _maildev = await MaildevServer.StartAsync(mailDirectory: _mailDirectory, cancellationToken: Cancellation);
        var addresses = Enumerable.Range(0, Subscribers).Select(i => $"quota{i:00}@example.org").ToList();
        var ids = new List<string>();
        await using var preparation = await RunningPipeline.StartAsync(azurite.ConnectionString, _maildev.Host, _maildev.SmtpPort, Cancellation,
            new Dictionary<string, string?> { ["Digests:BatchSize"] = "2" });
        await preparation.UploadAndWaitForSummaryAsync("quota.txt", RunningPipeline.SeedArticle("relay-quota"), Cancellation);
        ids.AddRange(await preparation.AddSubscribersDueOnceAYearAsync(addresses, "Quota", Cancellation));

        // This process stops its triggers: the digest queue is left to the three hosts.
        await preparation.Host.StopAsync(Cancellation);
        var hosts = new List<(DigestUpProcess Process, string Web)>();
        try
        {
            for (var i = 0; i < Hosts; i++)
            {
                var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
                hosts.Add((DigestUpProcess.Start(new Dictionary<string, string>
                {
                    ["Storage__ConnectionString"] = azurite.ConnectionString,
                    ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
                    ["Mail__Smtp__Host"] = _maildev.Host,
                    ["Mail__Smtp__Port"] = _maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
                    ["Mail__Smtp__Security"] = "None",
                    ["Mail__Smtp__QuotaPerMinute"] = QuotaPerMinute.ToString(CultureInfo.InvariantCulture),
                    ["Web__Urls"] = web,
                }), web));
            }

            foreach (var (process, web) in hosts)
                await process.UntilReadyzAsync(web);
            (await preparation.Get<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, ids.ToHashSet(), Cancellation)).ShouldBe(Subscribers);

            try
            {
                await AzuriteEventually.UntilAsync(() => Task.FromResult(ReceivedMail.ReadAll(_mailDirectory).Count >= Subscribers),
                    "every digest at the server", TimeSpan.FromMinutes(4));
            }
            catch (TimeoutException e)
            {
                var failures = hosts.SelectMany(h => h.Process.Output.Split('\n')).Where(l => l.Contains("attempt", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(20);
                throw new TimeoutException($"{e.Message}: {ReceivedMail.ReadAll(_mailDirectory).Count} of {Subscribers} received; the hosts' failures:\n{string.Join('\n', failures)}", e);
            }

            var received = ReceivedMail.ReadAll(_mailDirectory);
            received.Select(m => m.Recipient).Order().ShouldBe(addresses); // every subscriber's digest, once
            var times = received.Select(m => File.GetLastWriteTimeUtc(Path.Combine(_mailDirectory, m.File))).Order().ToList();
            var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromMinutes(1)).Count()).Max();
            var span = times[^1] - times[0];
            var sentBy = hosts.Select(h => Occurrences.Of("Sent digest ", h.Process.Output)).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{Subscribers} digests from {Hosts} hosts ({string.Join(" + ", sentBy)}) in {span.TotalSeconds:0.0} s: "
                + $"{(Subscribers - 1) / span.TotalMinutes:0.0} per minute overall; busiest 60-s window {busiest} messages (quota {QuotaPerMinute})");

            // Turns are 62/60 s apart, which absorbs up to 2 s of variation in the delay from a turn to the server.
            busiest.ShouldBeLessThanOrEqualTo(QuotaPerMinute);
            sentBy.Count(n => n > 0).ShouldBeGreaterThanOrEqualTo(2, "the run was shared by the hosts");
            (await azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue)).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0);
        }
        finally
        {
            foreach (var (process, _) in hosts)
            {
                await process.StopAsync(TimeSpan.FromMinutes(1));
                process.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_maildev is not null)
            await _maildev.DisposeAsync();
        Directory.Delete(_mailDirectory, recursive: true);
    }
}
