using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Benchmarks.Latency;

/// <summary>
/// Uploads a new variant of the seed article to <c>incoming</c>, as a user's storage tool would, and polls every
/// 10 ms until the pipeline has written <c>documents/{id}.json</c> and then <c>summaries/{id}.json</c>.
/// </summary>
internal sealed class UploadLatencyProbe(BlobServiceClient blobs, string seedName, byte[] seedBytes)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    private readonly DocumentReader _reader = new(new DocumentReaderOptions());
    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly BlobContainerClient _documents = blobs.GetBlobContainerClient(StorageNames.DocumentsContainer);
    private readonly BlobContainerClient _summaries = blobs.GetBlobContainerClient(StorageNames.SummariesContainer);

    public async Task<LatencySample> MeasureAsync(int round, CancellationToken cancellationToken)
    {
        // A unique last line: the same content would be recognised as a duplicate (the id is a content hash).
        var note = string.Create(CultureInfo.InvariantCulture, $"\n\nNote de version {round} {Guid.NewGuid():N}.\n");
        var bytes = seedBytes.Concat(Encoding.UTF8.GetBytes(note)).ToArray();
        var name = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(seedName)}-{round:000}-{Guid.NewGuid():N}.txt");
        var id = _reader.Read(name, bytes, DateTimeOffset.UtcNow, cancellationToken: cancellationToken).Id;
        var document = _documents.GetBlobClient($"{id}.json");
        var summary = _summaries.GetBlobClient($"{id}.json");

        await _incoming.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
        }, cancellationToken);
        var clock = Stopwatch.StartNew();

        TimeSpan? toDocument = null;
        while (clock.Elapsed < Timeout)
        {
            if (toDocument is null && await document.ExistsAsync(cancellationToken))
                toDocument = clock.Elapsed;
            if (toDocument is not null && await summary.ExistsAsync(cancellationToken))
                return new LatencySample(id, toDocument, clock.Elapsed);
            await Task.Delay(PollInterval, cancellationToken);
        }

        return new LatencySample(id, toDocument, null);
    }
}
