using System.Text;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Poison;

/// <summary><c>digest poison replay &lt;queue&gt; --id</c> on a real Azurite, with no host running: only the bytes move.</summary>
public sealed class Poison_replay_by_id(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_of_one_id_moves_only_that_message_and_an_unknown_id_is_an_error()
    {
        var poison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.SummarizeQueue));
        var work = azurite.RawQueue(StorageNames.SummarizeQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        var first = (await poison.SendMessageAsync(Base64Text.Encode("{\"schemaVersion\":1,\"documentId\":\"first\"}"), Cancellation)).Value.MessageId;
        await poison.SendMessageAsync(Base64Text.Encode("{\"schemaVersion\":1,\"documentId\":\"second\"}"), Cancellation);

        var replay = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "summarize-poison", "--id", first);
        replay.ExitCode.ShouldBe(0, replay.Errors);
        var moved = (await work.PeekMessagesAsync(32, Cancellation)).Value.Select(m => Base64Text.Decode(m.MessageText)).ToList();
        moved.ShouldBe(["{\"schemaVersion\":1,\"documentId\":\"first\"}"]);
        var left = (await poison.PeekMessagesAsync(32, Cancellation)).Value.Select(m => Base64Text.Decode(m.MessageText)).ToList();
        left.ShouldBe(["{\"schemaVersion\":1,\"documentId\":\"second\"}"]);

        var unknown = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "summarize", "--id", "no-such-id");
        unknown.ExitCode.ShouldBe(1);
        unknown.Errors.ShouldContain("No message 'no-such-id'");
        var neither = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "summarize");
        neither.ExitCode.ShouldNotBe(0);
        (await poison.PeekMessagesAsync(32, Cancellation)).Value.Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_the_Functions_host_poisoned_itself_is_listed_with_its_attempts_and_replayed_as_the_original()
    {
        const string original = "{\"schemaVersion\":1,\"documentId\":\"retried\"}";
        var poison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue));
        var work = azurite.RawQueue(StorageNames.DigestQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        await work.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        // (The digest queue: the other test of this class replays summarize.) What the Functions host writes when the queue endpoint could not schedule a retry of a retried message.
        var retry = RetryMessage.Wrap(original, attempt: 4, DateTimeOffset.UtcNow.AddMinutes(-3), new IOException("storage unreachable"));
        var id = (await poison.SendMessageAsync(Base64Text.Encode(retry), Cancellation)).Value.MessageId;

        var list = await DigestCommand.RunOnAsync(azurite, "poison", "list", "--json");
        list.ExitCode.ShouldBe(0, list.Errors);
        var listed = System.Text.Json.JsonDocument.Parse(list.Output).RootElement.EnumerateArray()
            .Single(q => q.GetProperty("poisonQueue").GetString() == "digest-poison")
            .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        listed.GetProperty("shape").GetString().ShouldBe("envelope");
        listed.GetProperty("dequeueCount").GetInt64().ShouldBe(4);
        listed.GetProperty("error").GetString().ShouldBe("System.IO.IOException: storage unreachable");
        listed.GetProperty("body").GetString().ShouldBe(original);

        var replay = await DigestCommand.RunOnAsync(azurite, "poison", "replay", "digest", "--id", id);
        replay.ExitCode.ShouldBe(0, replay.Errors);
        (await work.PeekMessagesAsync(32, Cancellation)).Value.Select(m => Base64Text.Decode(m.MessageText)).ShouldContain(original, "the original, so that its retries start afresh");
    }
}
