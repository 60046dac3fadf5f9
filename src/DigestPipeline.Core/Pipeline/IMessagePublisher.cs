namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// Publishes the pipeline's messages (<see cref="UploadArrived"/>, <see cref="SummarizeMessage"/>,
/// <see cref="DigestBatchMessage"/>) to the handler that takes them. Which queue a message goes to and how it is
/// written on the wire is the host's edge's business (the Azure project), not Core's.
/// </summary>
public interface IMessagePublisher
{
    Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : notnull
        => PublishAsync(message, TimeSpan.Zero, cancellationToken);

    /// <summary>Publishes a message that its handler sees only after <paramref name="delay"/> (at most 7 days).</summary>
    Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken)
        where TMessage : notnull;
}
