using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// Counts the storage requests clients send, by service and operation ("blob upload", "queue receive", ...), and
/// times them, so the report shows what one document costs in requests, that the ceiling run issues the same ones,
/// and how long Azurite took to answer each kind in either run.
/// </summary>
/// <param name="byTable">Table reads and writes named with their table too ("table query ThemeIndex"); a transaction's
/// URL does not name its table, so "table batch" stays whole.</param>
internal sealed class StorageRequestCounter(bool byTable = false)
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, long> _ticks = new();
    private readonly bool _byTable = byTable;

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts);

    /// <summary>Mean time from sending a request to its response, by operation.</summary>
    public IReadOnlyDictionary<string, TimeSpan> MeanDurations() =>
        _counts.ToDictionary(c => c.Key, c => TimeSpan.FromTicks(_ticks.GetValueOrDefault(c.Key) / Math.Max(1, c.Value)));

    public void Reset()
    {
        _counts.Clear();
        _ticks.Clear();
    }

    /// <summary>Blob, queue and table clients on <paramref name="connectionString"/> whose requests this counts.</summary>
    public (BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables) Clients(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions();
        var tableOptions = new TableClientOptions();
        Attach(blobOptions);
        Attach(queueOptions);
        Attach(tableOptions);
        return (new BlobServiceClient(connectionString, blobOptions), new QueueServiceClient(connectionString, queueOptions),
            new TableServiceClient(connectionString, tableOptions));
    }

    /// <summary>Adds the counting policy to a storage client's options; the options' type names the service.</summary>
    public void Attach(ClientOptions options)
    {
        var service = options switch
        {
            BlobClientOptions => "blob",
            QueueClientOptions => "queue",
            TableClientOptions => "table",
            _ => null,
        };
        if (service is not null)
            options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
    }

    internal static string Operation(string service, string method, Uri uri)
    {
        var query = uri.Query;
        var path = uri.AbsolutePath;
        return (service, method) switch
        {
            ("blob", "GET") when query.Contains("comp=list", StringComparison.Ordinal) => "list",
            ("blob", "GET") => "download",
            ("blob", "HEAD") => "properties",
            ("blob", "PUT") when query.Contains("comp=lease", StringComparison.Ordinal) => "lease",
            ("blob", "PUT") when query.Contains("restype=container", StringComparison.Ordinal) => "create container",
            ("blob", "PUT") => "upload",
            ("queue", "POST") => "send",
            ("queue", "GET") when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek",
            ("queue", "GET") when path.EndsWith("/messages", StringComparison.Ordinal) => $"receive {QueueName(path)}",
            ("queue", "DELETE") when path.Contains("/messages/", StringComparison.Ordinal) => "delete message",
            ("queue", "PUT") when path.Contains("/messages/", StringComparison.Ordinal) => "update message",
            ("table", "GET") when path.EndsWith(')') && !path.EndsWith("()", StringComparison.Ordinal) => "point read",
            ("table", "GET") => "query",
            ("table", "POST") when path.EndsWith("$batch", StringComparison.Ordinal) => "batch",
            ("table", "POST") => "insert",
            ("table", "PUT" or "PATCH" or "MERGE") => "upsert",
            _ => method.ToLowerInvariant(),
        };
    }

    /// <summary>"/devstoreaccount1/Deliveries(PartitionKey='a',RowKey='b')" or "/Deliveries()" → "Deliveries"; null for "$batch".</summary>
    private static string? TableName(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var paren = last.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? last : last[..paren];
        return name.Length == 0 || name.StartsWith('$') ? null : name;
    }

    /// <summary>"/devstoreaccount1/ingest/messages" (Azurite) or "/ingest/messages" (Azure) → "ingest".</summary>
    private static string QueueName(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? segments[^2] : "?";
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: true);

        private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
        {
            var uri = message.Request.Uri.ToUri();
            var key = $"{service} {Operation(service, message.Request.Method.Method, uri)}";
            if (counter._byTable && service == "table" && TableName(uri.AbsolutePath) is { } table)
                key += " " + table;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (async)
                await ProcessNextAsync(message, pipeline);
            else
                ProcessNext(message, pipeline);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
            counter._ticks.AddOrUpdate(key, elapsed, (_, total) => total + elapsed);
            counter._counts.AddOrUpdate(key, 1, (_, count) => count + 1);
        }
    }
}
