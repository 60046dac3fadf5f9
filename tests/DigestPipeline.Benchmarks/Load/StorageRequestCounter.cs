using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// Counts the storage requests clients send, by service and operation ("blob upload", "queue receive", ...), so the
/// report shows what one document costs in requests and the ceiling run can be checked to issue the same ones.
/// </summary>
internal sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts);

    public void Reset() => _counts.Clear();

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

    /// <summary>"/devstoreaccount1/ingest/messages" (Azurite) or "/ingest/messages" (Azure) → "ingest".</summary>
    private static string QueueName(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? segments[^2] : "?";
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var key = $"{service} {Operation(service, message.Request.Method.Method, message.Request.Uri.ToUri())}";
            counter._counts.AddOrUpdate(key, 1, (_, count) => count + 1);
        }
    }
}
