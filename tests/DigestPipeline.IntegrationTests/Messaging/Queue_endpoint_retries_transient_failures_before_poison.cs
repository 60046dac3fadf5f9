using DigestPipeline.Azure.Messaging;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Messaging;

/// <summary>
/// <see cref="QueueEndpoint"/> with the shipped defaults, on a fake clock: a message that keeps failing for a
/// transient reason is sent again with growing delays and reaches poison only after <c>Queues:RetryFor</c> (15 min);
/// a malformed one goes to poison at once; the handler always sees the original message.
/// </summary>
public sealed class Queue_endpoint_retries_transient_failures_before_poison
{
    private const string Queue = "digest";
    private const string Original = """{"schemaVersion":1,"requests":[]}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingQueueSender _queue = new();

    [Fact]
    public async Task A_transient_failure_is_retried_for_at_least_ten_minutes_with_growing_delays_then_poisoned()
    {
        var handler = new ScriptedHandler(_ => throw new IOException("storage unreachable"));
        var endpoint = Endpoint();
        var delays = new List<TimeSpan>();
        var text = Original;
        var start = _time.GetUtcNow();

        for (var attempt = 1; attempt <= 100; attempt++)
        {
            await endpoint.HandleAsync(handler, text, CancellationToken.None);
            if (_queue.TryTake(out var poisoned))
            {
                poisoned.Queue.ShouldBe("digest-poison");
                var envelope = PipelineJson.Deserialize<PoisonMessage>(poisoned.Text);
                envelope.Message.ShouldBe(Original);
                envelope.DequeueCount.ShouldBe(attempt);
                envelope.Error.ShouldContain("storage unreachable");
                break;
            }

            var retry = _queue.Delayed.ShouldHaveSingleItem();
            _queue.Delayed.Clear();
            retry.Queue.ShouldBe(Queue);
            delays.Add(retry.Delay);
            _time.Advance(retry.Delay);
            text = retry.Text;
        }

        handler.Seen.ShouldAllBe(t => t == Original, "the handler is given the original message, never the retry envelope");
        var elapsed = _time.GetUtcNow() - start;
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(15));
        elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(17));
        delays[0].ShouldBeInRange(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        delays.ShouldAllBe(d => d <= TimeSpan.FromMinutes(1), "no retry waits longer than Queues:MaxRetryDelay");
        delays[3].ShouldBeGreaterThan(delays[0], "the delays grow");
        TestContext.Current.TestOutputHelper?.WriteLine($"{handler.Seen.Count} attempts over {elapsed}; delays: {string.Join(", ", delays.Select(d => $"{d.TotalSeconds:0.0}"))}");
    }

    [Fact]
    public async Task A_message_that_succeeds_on_its_retry_leaves_nothing_behind()
    {
        var calls = 0;
        var handler = new ScriptedHandler(_ =>
        {
            if (++calls == 1)
                throw new TimeoutException("SMTP server did not answer");
        });
        var endpoint = Endpoint();

        await endpoint.HandleAsync(handler, Original, CancellationToken.None);
        var retry = _queue.Delayed.ShouldHaveSingleItem();
        _queue.Delayed.Clear();
        await endpoint.HandleAsync(handler, retry.Text, CancellationToken.None);

        handler.Seen.ShouldBe([Original, Original]);
        _queue.Delayed.ShouldBeEmpty();
        _queue.TryTake(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_message_goes_to_poison_at_once()
    {
        var endpoint = Endpoint();

        await endpoint.HandleAsync(new ScriptedHandler(t => PipelineJson.Deserialize<SummarizeMessage>(t)), "not json", CancellationToken.None);

        _queue.Delayed.ShouldBeEmpty();
        _queue.TryTake(out var poisoned).ShouldBeTrue();
        poisoned.Queue.ShouldBe("digest-poison");
        var envelope = PipelineJson.Deserialize<PoisonMessage>(poisoned.Text);
        envelope.Message.ShouldBe("not json");
        envelope.DequeueCount.ShouldBe(1);
        envelope.Error.ShouldStartWith("System.FormatException");
    }

    [Fact]
    public async Task When_the_retry_cannot_be_scheduled_the_failure_reaches_the_trigger()
    {
        var endpoint = new QueueEndpoint(new FailingQueueSender(), Options.Create(new QueueRetryOptions()), _time, NullLogger<QueueEndpoint>.Instance);

        var thrown = await Should.ThrowAsync<AggregateException>(() =>
            endpoint.HandleAsync(new ScriptedHandler(_ => throw new IOException("storage unreachable")), Original, CancellationToken.None));

        thrown.InnerExceptions.Select(e => e.Message).ShouldBe(["storage unreachable", "queue unreachable"]);
    }

    [Fact]
    public async Task Cancellation_by_a_stopping_host_is_not_counted_as_a_failure()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            Endpoint().HandleAsync(new ScriptedHandler(_ => stopping.Token.ThrowIfCancellationRequested()), Original, stopping.Token));

        _queue.Delayed.ShouldBeEmpty();
        _queue.TryTake(out _).ShouldBeFalse();
    }

    private QueueEndpoint Endpoint() => new(_queue, Options.Create(new QueueRetryOptions()), _time, NullLogger<QueueEndpoint>.Instance);

    private sealed class ScriptedHandler(Action<string> onMessage) : IQueueHandler
    {
        public List<string> Seen { get; } = [];

        public string Queue => Queue_endpoint_retries_transient_failures_before_poison.Queue;

        public Task HandleAsync(string messageText, CancellationToken cancellationToken)
        {
            Seen.Add(messageText);
            onMessage(messageText);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingQueueSender : IQueueSender
    {
        private readonly Queue<(string Queue, string Text)> _messages = new();

        /// <summary>Messages sent with a delay.</summary>
        public List<(string Queue, string Text, TimeSpan Delay)> Delayed { get; } = [];

        public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken)
        {
            _messages.Enqueue((queue, messageText));
            return Task.CompletedTask;
        }

        public Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken)
        {
            Delayed.Add((queue, messageText, delay));
            return Task.CompletedTask;
        }

        public bool TryTake(out (string Queue, string Text) message) => _messages.TryDequeue(out message);
    }

    private sealed class FailingQueueSender : IQueueSender
    {
        public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken) => throw new IOException("queue unreachable");

        public Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken) => throw new IOException("queue unreachable");
    }
}
