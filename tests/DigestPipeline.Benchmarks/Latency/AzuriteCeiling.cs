using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace DigestPipeline.Benchmarks.Latency;

/// <summary>
/// What this Azurite does for a plain SDK client, on the same cores as the host: 10 KB blob uploads, queue round trips
/// (enqueue, receive, delete) and table upserts, with 1 and 4 requests in flight. Counts are fixed and small so that
/// Azurite's purge of deleted messages stays short; the slowest single operation shows a freeze if one happens.
/// </summary>
internal sealed class AzuriteCeiling(string connectionString)
{
    private const int WarmUp = 20;

    public sealed record Result(string Operation, int Concurrency, int Count, double OpsPerSecond, double SlowestMs);

    public async Task<IReadOnlyList<Result>> MeasureAsync(CancellationToken cancellationToken)
    {
        var blobs = new BlobServiceClient(connectionString).GetBlobContainerClient("ceiling");
        await blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var payload = BinaryData.FromBytes(Enumerable.Range(0, 10 * 1024).Select(i => (byte)('a' + i % 26)).ToArray());
        var queues = new QueueServiceClient(connectionString);
        var tables = new TableServiceClient(connectionString).GetTableClient("Ceiling");
        await tables.CreateIfNotExistsAsync(cancellationToken);

        var results = new List<Result>();
        foreach (var concurrency in new[] { 1, 4 })
        {
            results.Add(await RunAsync("blob upload 10 KB", concurrency, 400,
                (worker, i, ct) => blobs.GetBlobClient($"{concurrency}/{worker}/{i}").UploadAsync(payload, overwrite: true, ct), cancellationToken));

            var workerQueues = new QueueClient[concurrency];
            for (var w = 0; w < concurrency; w++)
            {
                workerQueues[w] = queues.GetQueueClient(string.Create(CultureInfo.InvariantCulture, $"ceiling-{concurrency}-{w}"));
                await workerQueues[w].CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            results.Add(await RunAsync("queue send + receive + delete", concurrency, 300,
                (worker, _, ct) => RoundTripAsync(workerQueues[worker], ct), cancellationToken));

            results.Add(await RunAsync("table upsert", concurrency, 400,
                (worker, i, ct) => tables.UpsertEntityAsync(new TableEntity($"p{concurrency}-{worker}", $"r{i}") { ["Value"] = i }, cancellationToken: ct),
                cancellationToken));
        }

        return results;
    }

    private static async Task RoundTripAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync("ceiling", cancellationToken);
        var received = (await queue.ReceiveMessageAsync(cancellationToken: cancellationToken)).Value
                       ?? throw new InvalidOperationException($"Queue {queue.Name}: the message just sent was not received.");
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
    }

    private static async Task<Result> RunAsync(
        string operation, int concurrency, int count, Func<int, int, CancellationToken, Task> once, CancellationToken cancellationToken)
    {
        for (var i = 0; i < WarmUp; i++)
            await once(0, -1 - i, cancellationToken);

        var perWorker = count / concurrency;
        var slowest = new double[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                var started = clock.Elapsed;
                await once(worker, i, cancellationToken);
                slowest[worker] = Math.Max(slowest[worker], (clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed;
        return new Result(operation, concurrency, perWorker * concurrency, perWorker * concurrency / elapsed.TotalSeconds, slowest.Max());
    }
}
