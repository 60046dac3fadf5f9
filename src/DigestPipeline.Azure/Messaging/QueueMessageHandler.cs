using System.Diagnostics;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// The edge between a queue's text and its typed handler, the same for every queue: opens the consumer span (continuing
/// the sender's trace when the message carries one), decodes the text into <typeparamref name="TMessage"/> (a
/// <see cref="FormatException"/> for a malformed message or an unknown schema version, which the endpoint poisons at
/// once), then calls the handler. A message that <paramref name="decode"/> reads as null is well formed but not for
/// this handler (an Event Grid event of another type than BlobCreated): it is logged and completes.
/// </summary>
public sealed class QueueMessageHandler<TMessage>(
    string queue,
    Func<string, TMessage?> decode,
    IMessageHandler<TMessage> handler,
    PipelineTelemetry telemetry,
    ILogger? logger = null)
    : IQueueHandler
    where TMessage : class
{
    public string Queue => queue;

    public Task HandleAsync(string messageText, CancellationToken cancellationToken) =>
        telemetry.RunAsync(queue, ActivityKind.Consumer, () =>
            {
                if (decode(messageText) is { } message)
                    return handler.HandleAsync(message, cancellationToken);
                logger?.LogWarning("Queue {Queue}: ignoring a message that is not a {MessageType}: {Message}",
                    queue, typeof(TMessage).Name, messageText.Length > 300 ? messageText[..300] + "…" : messageText);
                return Task.CompletedTask;
            },
            PipelineTelemetry.TraceParentOf(messageText));
}
