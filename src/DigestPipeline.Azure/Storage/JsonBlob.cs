using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>Reads and writes one JSON document per blob, in <see cref="PipelineJson"/>'s convention, with its schema version first.</summary>
internal static class JsonBlob
{
    private const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync<T>(BlobClient blob, T value, int schemaVersion, CancellationToken cancellationToken)
    {
        var node = JsonSerializer.SerializeToNode(value, PipelineJson.Options)?.AsObject()
                   ?? throw new InvalidOperationException($"{typeof(T).Name} serialized to null.");
        var document = new JsonObject { ["schemaVersion"] = schemaVersion };
        foreach (var (name, property) in node.ToList())
        {
            node.Remove(name);
            document[name] = property;
        }

        await blob.UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, PipelineJson.Options)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType } },
            cancellationToken);
    }

    /// <returns>null when the blob does not exist.</returns>
    /// <exception cref="FormatException">the blob is not JSON of that shape.</exception>
    public static async Task<T?> ReadAsync<T>(BlobClient blob, CancellationToken cancellationToken) where T : class
    {
        BinaryData content;
        try
        {
            content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        return PipelineJson.Deserialize<T>(content.ToString());
    }

    /// <summary>The ids of a container of <c>{id}.json</c> blobs.</summary>
    public static async IAsyncEnumerable<string> ListIdsAsync(BlobContainerClient container, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (item.Name.EndsWith(".json", StringComparison.Ordinal))
                yield return item.Name[..^".json".Length];
        }
    }
}
