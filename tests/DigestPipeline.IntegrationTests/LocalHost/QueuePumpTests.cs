using System.Text;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

public sealed class QueuePumpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>host.json's extensions:queues and the retry curve (section Queues), made fast: short polling back-off, retries 50–200 ms apart for 2 s.</summary>
    private static readonly Dictionary<string, string?> FastQueues = new()
    {
        ["Queues:FirstRetryDelay"] = "00:00:00.050",
        ["Queues:MaxRetryDelay"] = "00:00:00.200",
        ["Queues:RetryFor"] = "00:00:02",
        ["extensions:queues:batchSize"] = "16",
        ["extensions:queues:newBatchThreshold"] = "8",
        ["extensions:queues:visibilityTimeout"] = "00:00:00",
        ["extensions:queues:maxDequeueCount"] = "5",
        ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
        ["extensions:queues:messageEncoding"] = "base64",
    };

    private IHost PumpHost(params IQueueHandler[] handlers) =>
        azurite.BuildHost(FastQueues, services =>
        {
            foreach (var handler in handlers)
                services.AddSingleton(handler);
            services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
            services.AddPipelineTelemetry();
            services.AddQueueEndpoint();
            services.AddSingleton<HostHealth>();
            services.AddHostedService<QueuePump>();
        });

    /// <summary>The pump creates its queues too, but the test may send first.</summary>
    private async Task<QueueClient> QueueAsync(string name)
    {
        var queue = azurite.RawQueue(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return queue;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string FromBase64(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(text));

    private static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Message_that_always_fails_is_retried_for_Queues_RetryFor_then_poisoned_with_its_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = new ScriptedQueueHandler("always-fails", failures: null);
        using var host = PumpHost(handler);
        await host.StartAsync(ct);
        var queue = await QueueAsync("always-fails");
        var poison = await QueueAsync("always-fails-poison");
        const string message = """{"schemaVersion":1,"documentId":"d-1","note":"été"}""";

        await queue.SendMessageAsync(Base64(message), ct);
        await AzuriteEventually.UntilAsync(async () => await CountAsync(poison) == 1, "the message is in always-fails-poison");
        await host.StopAsync(ct);

        // 2 s of retries 25–200 ms apart (plus polling): several attempts, each given the original message.
        var attempts = handler.Attempts(message);
        attempts.ShouldBeGreaterThanOrEqualTo(3);
        var received = (await poison.ReceiveMessagesAsync(32, cancellationToken: ct)).Value.ShouldHaveSingleItem();
        var envelope = PipelineJson.Deserialize<PoisonMessage>(FromBase64(received.MessageText));
        envelope.SchemaVersion.ShouldBe(1);
        envelope.Queue.ShouldBe("always-fails");
        envelope.DequeueCount.ShouldBe(attempts);
        envelope.Error.ShouldBe($"System.InvalidOperationException: boom {attempts}");
        envelope.Message.ShouldBe(message);
        (await CountAsync(queue)).ShouldBe(0);
    }

    [Fact]
    public async Task Message_that_fails_twice_then_succeeds_is_processed_once_and_not_poisoned()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = new ScriptedQueueHandler("fails-twice", failures: 2);
        using var host = PumpHost(handler);
        await host.StartAsync(ct);
        var queue = await QueueAsync("fails-twice");

        await queue.SendMessageAsync(Base64("work item"), ct);
        await AzuriteEventually.UntilAsync(async () => handler.Succeeded.Count == 1 && await CountAsync(queue) == 0, "the message is handled and deleted");
        await host.StopAsync(ct);

        handler.Attempts("work item").ShouldBe(3);
        handler.Succeeded.ShouldBe(["work item"]);
        (await CountAsync(await QueueAsync("fails-twice-poison"))).ShouldBe(0);
    }

    [Fact]
    public async Task Message_that_is_not_base64_goes_to_poison_without_reaching_the_handler()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = new ScriptedQueueHandler("garbled", failures: 0);
        using var host = PumpHost(handler);
        await host.StartAsync(ct);
        var queue = await QueueAsync("garbled");
        var poison = await QueueAsync("garbled-poison");

        await queue.SendMessageAsync("this is {not} base64!", ct);
        await queue.SendMessageAsync(Base64("fine"), ct);
        await AzuriteEventually.UntilAsync(async () => await CountAsync(poison) == 1 && handler.Succeeded.Count == 1, "the garbled message is poisoned and the good one handled");
        await host.StopAsync(ct);

        handler.Succeeded.ShouldBe(["fine"]);
        var received = (await poison.ReceiveMessagesAsync(32, cancellationToken: ct)).Value.ShouldHaveSingleItem();
        var envelope = PipelineJson.Deserialize<PoisonMessage>(FromBase64(received.MessageText));
        envelope.Message.ShouldBe("this is {not} base64!");
        envelope.Error.ShouldStartWith("System.FormatException:");
        (await CountAsync(queue)).ShouldBe(0);
    }

    [Fact]
    public async Task Messages_sent_through_the_work_queue_reach_their_handler()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = new ScriptedQueueHandler(StorageNames.SummarizeQueue, failures: 0);
        using var host = PumpHost(handler);
        await host.StartAsync(ct);
        var workQueue = host.Services.GetRequiredService<IQueueSender>();

        var messages = Enumerable.Range(0, 40).Select(i => $$"""{"schemaVersion":1,"documentId":"doc-{{i}}"}""").ToList();
        await Task.WhenAll(messages.Select(m => workQueue.SendAsync(StorageNames.SummarizeQueue, m, ct)));
        await AzuriteEventually.UntilAsync(() => handler.Succeeded.Count == messages.Count, "all 40 messages are handled");
        await host.StopAsync(ct);

        handler.Succeeded.ShouldBe(messages, ignoreOrder: true);
    }
}
