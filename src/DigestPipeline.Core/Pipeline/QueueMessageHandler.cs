using System.Diagnostics;

namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// The edge between a queue's text and its typed handler, the same for every queue: opens the consumer span (continuing
/// the sender's trace when the message carries one), decodes the text into <typeparamref name="TMessage"/> (a
/// <see cref="FormatException"/> for a malformed message or an unknown schema version, which the endpoint poisons at
/// once), then calls the handler. What each handler used to repeat in its prologue.
/// </summary>
public sealed class QueueMessageHandler<TMessage>(string queue, Func<string, TMessage> decode, IMessageHandler<TMessage> handler, PipelineTelemetry telemetry)
    : IQueueHandler
{
    public string Queue => queue;

    public Task HandleAsync(string messageText, CancellationToken cancellationToken) =>
        telemetry.RunAsync(queue, ActivityKind.Consumer, () => handler.HandleAsync(decode(messageText), cancellationToken),
            PipelineTelemetry.TraceParentOf(messageText));
}
