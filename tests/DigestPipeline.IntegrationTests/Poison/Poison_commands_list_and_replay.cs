using System.Globalization;
using System.Text;
using System.Text.Json;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.LocalHost;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Poison;

/// <summary>
/// <c>digest poison list</c> and <c>digest poison replay</c>, run as a user runs them (the built CLI) on a real
/// Azurite, after a real host poisoned a digest because its SMTP setting pointed at a closed port.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class Poison_commands_list_and_replay(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_poisoned_digest_is_listed_with_its_error_and_after_the_fix_replay_delivers_it_once_even_replayed_twice()
    {
        var digestPoison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue));
        const string address = "poison.replay@example.org";
        string subscriberId;
        await using (var broken = await RunningPipeline.StartAsync(azurite, maildev, Cancellation, new Dictionary<string, string?>
                     {
                         ["Mail:Smtp:Port"] = ClosedLoopbackPort.Find().ToString(CultureInfo.InvariantCulture),
                         ["Mail:Smtp:MaxAttempts"] = "1",
                         // Retries for 2 s instead of the default 15 minutes.
                         ["Queues:FirstRetryDelay"] = "00:00:00.100",
                         ["Queues:MaxRetryDelay"] = "00:00:00.500",
                         ["Queues:RetryFor"] = "00:00:02",
                     }))
        {
            await broken.UploadAndWaitForSummaryAsync("poison.txt", RunningPipeline.SeedArticle("poison"), Cancellation);
            subscriberId = (await broken.SubscribeAsync(address, "en", ["energy-compute"], DateTimeOffset.UtcNow, Cancellation)).Id;
            (await broken.Get<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { subscriberId }, Cancellation)).ShouldBe(1);
            await RunningPipeline.EventuallyAsync(async () =>
                (await digestPoison.GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount == 1 ? (object)true : null,
                "the digest in digest-poison", Cancellation);
        }

        // The same message as the Functions host would have poisoned it: bare, no error. Replaying both is the
        // "replayed twice" case: the ledger must still send one email.
        var envelope = PipelineJson.Deserialize<PoisonMessage>(Base64Text.Decode((await digestPoison.PeekMessageAsync(Cancellation)).Value.MessageText));
        await digestPoison.SendMessageAsync(Base64Text.Encode(envelope.Message), Cancellation);

        var list = await DigestCommand.RunOnAsync(azurite, "poison", "list", "--json");
        list.ExitCode.ShouldBe(0, list.Errors);
        var listed = JsonDocument.Parse(list.Output).RootElement.EnumerateArray()
            .Single(q => q.GetProperty("poisonQueue").GetString() == "digest-poison");
        listed.GetProperty("queue").GetString().ShouldBe("digest");
        listed.GetProperty("depth").GetInt32().ShouldBe(2);
        var messages = listed.GetProperty("messages").EnumerateArray().ToList();
        var local = messages.Single(m => m.GetProperty("shape").GetString() == "envelope");
        local.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("1 of 1 digests failed");
        local.GetProperty("dequeueCount").GetInt64().ShouldBeGreaterThan(1, "the attempts made before poison");
        local.GetProperty("preview").GetString().ShouldNotBeNull().ShouldContain(subscriberId);
        local.GetProperty("id").GetString().ShouldNotBeNullOrWhiteSpace();
        var bare = messages.Single(m => m.GetProperty("shape").GetString() == "bare");
        bare.TryGetProperty("error", out _).ShouldBeFalse();
        bare.TryGetProperty("dequeueCount", out _).ShouldBeFalse();
        bare.GetProperty("body").GetString().ShouldBe(envelope.Message);
        var table = await DigestCommand.RunOnAsync(azurite, "poison", "list");
        table.ExitCode.ShouldBe(0, table.Errors);
        table.Output.ShouldContain("digest-poison");
        table.Output.ShouldContain("digests failed");

        await using var fixedHost = await RunningPipeline.StartAsync(azurite, maildev, Cancellation);
        var replay = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "digest", "--all");
        replay.ExitCode.ShouldBe(0, replay.Errors);
        replay.Output.ShouldContain("2 message(s) sent back to 'digest'");

        (await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, address), 1, TimeSpan.FromSeconds(30), Cancellation)).Count.ShouldBe(1);
        await fixedHost.WaitUntilIdleAsync(publishedAtLeast: 0, Cancellation);
        var again = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "digest", "--all");
        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldContain("0 message(s) sent back");
        (await digestPoison.GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0);
        (await maildev.GetEmailsAsync(Cancellation)).Count(e => RunningPipeline.SentTo(e, address)).ShouldBe(1);
    }
}
