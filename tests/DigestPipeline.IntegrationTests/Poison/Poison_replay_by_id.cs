using System.Text;
using DigestPipeline.Core.Pipeline;
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
}
