using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Translation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// A provider that accepts the request and never answers (an overloaded local server) must not hold the digest: past
/// <see cref="TranslationOptions.Timeout"/> the request is given up, the digest goes out untranslated, and the
/// warning says why.
/// </summary>
public sealed class A_provider_that_does_not_answer_holds_a_digest_back_no_longer_than_its_timeout
{
    [Fact]
    public async Task Past_the_timeout_the_content_comes_back_untranslated_with_a_warning()
    {
        var world = new TranslationWorld(new ScriptedChatClient((_, _) => ""));
        var silent = new SilentChatClient();
        var options = Options.Create(new TranslationOptions { Endpoint = "http://127.0.0.1:1/v1", Model = "test", Timeout = TimeSpan.FromSeconds(30) });
        var enricher = new DigestEnricher(new SentenceTranslator(silent, world.Cache, options, world.Time), null, world.Outage, options, world.Time,
            world.Telemetry, new RecordingLogger<DigestEnricher>());

        var enriching = enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], TestContext.Current.CancellationToken);
        await silent.Asked.Task.WaitAsync(TestContext.Current.CancellationToken);
        enriching.IsCompleted.ShouldBeFalse();
        world.Time.Advance(TimeSpan.FromSeconds(30));
        var content = await enriching.WaitAsync(TestContext.Current.CancellationToken);

        content[0].Themes[0].Items[0].Translation.ShouldBeNull();
        world.OutageLog.Records.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Level.ShouldBe(LogLevel.Warning),
            r => r.Message.ShouldContain("did not answer within 00:00:30"));
    }

    /// <summary>A model that takes the request and never answers, until the request is cancelled.</summary>
    private sealed class SilentChatClient : IChatClient
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
