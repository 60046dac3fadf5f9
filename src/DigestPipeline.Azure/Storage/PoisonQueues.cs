using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Inspects and replays dead-lettered work: every <c>{queue}-poison</c> queue of the account, whichever host wrote
/// it. The app writes a <see cref="PoisonMessage"/> envelope (original message + error) in both hosts; the Functions
/// host writes the message as it was when it poisons one itself (its error being only in the logs): the original, or
/// a <see cref="RetryMessage"/> holding it. Replay sends the original message back
/// to <c>{queue}</c> and deletes it from poison only once that send succeeded: at least once, never lost (a replay
/// interrupted between the two leaves a copy in poison, which the idempotent handlers absorb if replayed again).
/// It also reads the depth of each work queue and its poison queue (<see cref="DepthsAsync"/>).
/// </summary>
public sealed class PoisonQueues(QueueServiceClient queues, QueueMessageCodec codec) : IFailedWork
{
    /// <summary>Most messages one queue's listing shows (the storage service peeks at most 32).</summary>
    public const int MaxListed = 32;

    private const int PreviewChars = 120;
    private static readonly string PoisonSuffix = StorageNames.PoisonQueue(string.Empty);

    /// <summary>While a replay works through a poison queue, the messages it received stay invisible this long.</summary>
    private static readonly TimeSpan ReplayLease = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Each work queue of <see cref="StorageNames.Queues"/>, then its poison queue, with their approximate depths (messages
    /// being handled count too). A queue that does not exist yet holds nothing: in Azure the Functions host creates a
    /// poison queue only when it first poisons a message (the local hosts create them all at start).
    /// </summary>
    public async Task<IReadOnlyList<WorkDepth>> DepthsAsync(CancellationToken cancellationToken)
    {
        var depths = new List<WorkDepth>();
        foreach (var (queue, failed) in StorageNames.Queues.SelectMany(q => new[] { (q, false), (StorageNames.PoisonQueue(q), true) }))
        {
            int depth;
            try
            {
                depth = (await queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                depth = 0;
            }

            depths.Add(new WorkDepth(queue, depth, failed));
        }

        return depths;
    }

    /// <summary>Every poison queue with its depth and its first <see cref="MaxListed"/> messages, by queue name.</summary>
    public async Task<IReadOnlyList<FailedWorkListing>> ListAsync(CancellationToken cancellationToken)
    {
        var listings = new List<FailedWorkListing>();
        await foreach (var item in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (!item.Name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
                continue;
            var poison = queues.GetQueueClient(item.Name);
            var depth = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var peeked = (await poison.PeekMessagesAsync(MaxListed, cancellationToken)).Value;
            var source = item.Name[..^PoisonSuffix.Length];
            listings.Add(new FailedWorkListing(source, item.Name, depth,
                peeked.Select(m => Read(source, m.MessageId, m.InsertedOn, m.MessageText)).ToList()));
        }

        return listings.OrderBy(l => l.PoisonQueue, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Moves messages of <c>{queue}-poison</c> back to <c>{queue}</c>: the one with <paramref name="messageId"/>, or
    /// all of them when it is null. Messages that arrive in poison during the replay are left for the next one.
    /// </summary>
    /// <param name="queue">The work queue (<c>digest</c>); its poison queue's name is accepted too.</param>
    /// <exception cref="InvalidOperationException">There is no such poison queue, or no such message in it.</exception>
    public async Task<FailedWorkReplay> ReplayAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var source = queue.EndsWith(PoisonSuffix, StringComparison.Ordinal) ? queue[..^PoisonSuffix.Length] : queue;
        var poison = queues.GetQueueClient(StorageNames.PoisonQueue(source));
        var target = queues.GetQueueClient(source);
        if (!(await poison.ExistsAsync(cancellationToken)).Value)
            throw new InvalidOperationException($"There is no queue '{poison.Name}' in this storage account.");
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var replayed = new List<string>();
        var refused = new List<RefusedReplay>();
        var passedOver = new List<QueueMessage>();
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            while (messageId is null || replayed.Count == 0)
            {
                var batch = (await poison.ReceiveMessagesAsync(MaxListed, ReplayLease, cancellationToken)).Value;
                if (batch.Length == 0)
                    break;
                foreach (var message in batch)
                {
                    var wanted = messageId is null ? message.InsertedOn <= startedAt : message.MessageId == messageId;
                    if (!wanted)
                    {
                        passedOver.Add(message);
                        continue;
                    }

                    var poisoned = Read(source, message.MessageId, message.InsertedOn, message.MessageText);
                    if (poisoned.BodyTruncated)
                    {
                        refused.Add(new RefusedReplay(message.MessageId, "the local host kept only the start of this message (it was too long); replaying it would lose the rest"));
                        passedOver.Add(message);
                        continue;
                    }

                    await target.SendMessageAsync(WireText(poisoned, message.MessageText), cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    replayed.Add(message.MessageId);
                }
            }
        }
        finally
        {
            await ReleaseAsync(poison, passedOver);
        }

        if (messageId is not null && replayed.Count == 0 && refused.Count == 0)
            throw new InvalidOperationException($"No message '{messageId}' in '{poison.Name}' (it may be held by another replay for up to {ReplayLease.TotalMinutes:0} minutes).");
        return new FailedWorkReplay(source, replayed, refused);
    }

    /// <summary>The wire text to send back: the envelope's message encoded again, or a bare message exactly as it was.</summary>
    private string WireText(FailedMessage poisoned, string poisonWireText) =>
        poisoned.Shape == FailedMessageShape.Envelope ? codec.Encode(poisoned.Body) : poisonWireText;

    /// <summary>Makes the messages this replay received but did not move visible again at once (best effort: otherwise they reappear after the lease).</summary>
    private static async Task ReleaseAsync(QueueClient poison, List<QueueMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Still in the queue; it becomes visible when the replay lease ends.
            }
        }
    }

    private FailedMessage Read(string source, string id, DateTimeOffset? insertedOn, string wireText)
    {
        string text;
        try
        {
            text = codec.Decode(wireText);
        }
        catch (FormatException)
        {
            return new FailedMessage(source, id, insertedOn, null, null, null, wireText, false, FailedMessageShape.Bare, Preview(wireText));
        }

        if (TryReadEnvelope(text) is { } envelope)
        {
            return new FailedMessage(source, id, insertedOn, envelope.DequeueCount, envelope.Error, envelope.FailedAt, envelope.Message,
                envelope.MessageTruncated == true, FailedMessageShape.Envelope, Preview(envelope.Message));
        }

        // A retry the Functions host poisoned itself (QueueEndpoint could not schedule it): the original is inside.
        if (RetryMessage.IsRetry(text) && TryRead<RetryMessage>(text) is { } retry)
        {
            return new FailedMessage(source, id, insertedOn, retry.Attempt, retry.LastError, null, retry.Message, false, FailedMessageShape.Envelope, Preview(retry.Message));
        }

        // The Functions host's shape: the original message, nothing else. The poison message's own dequeue count
        // counts reads of the poison queue, not the attempts that failed, so no count is reported.
        return new FailedMessage(source, id, insertedOn, null, null, null, text, false, FailedMessageShape.Bare, Preview(text));
    }

    private static T? TryRead<T>(string text) where T : class
    {
        try
        {
            return PipelineJson.Deserialize<T>(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static PoisonMessage? TryReadEnvelope(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !IsString(root, "queue") || !IsString(root, "error") || !IsString(root, "message"))
            {
                return null;
            }

            return PipelineJson.Deserialize<PoisonMessage>(text);
        }
        catch (JsonException)
        {
            return null;
        }

        static bool IsString(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;
    }

    private static string Preview(string text)
    {
        var oneLine = string.Concat(text.Take(PreviewChars).Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > PreviewChars ? oneLine + "…" : oneLine;
    }
}
