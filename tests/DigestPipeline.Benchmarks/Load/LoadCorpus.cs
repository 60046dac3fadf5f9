using System.Globalization;
using System.Text;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>One upload of the load run: its blob name, bytes and the document id the pipeline will give it.</summary>
internal sealed record LoadDocument(string BlobName, byte[] Content, string DocumentId);

/// <summary>
/// <paramref name="count"/> distinct uploads made from the seed documents in turn (French article, English article,
/// English meeting notes), each with a unique last line so that no two share a content hash.
/// </summary>
internal static class LoadCorpus
{
    public static IReadOnlyList<LoadDocument> Create(string repositoryRoot, int count)
    {
        var seeds = Directory.GetFiles(Path.Combine(repositoryRoot, "seeds", "documents")).Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Bytes: File.ReadAllBytes(path))).ToArray();
        var reader = new DocumentReader(new DocumentReaderOptions());
        var receivedAt = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i =>
        {
            var (name, bytes) = seeds[i % seeds.Length];
            var note = string.Create(CultureInfo.InvariantCulture, $"\n\nLoad note {i:0000} {Guid.NewGuid():N}.\n");
            var content = bytes.Concat(Encoding.UTF8.GetBytes(note)).ToArray();
            var blobName = string.Create(CultureInfo.InvariantCulture,
                $"load/{i:0000}-{Path.GetFileNameWithoutExtension(name)}{Path.GetExtension(name)}");
            return new LoadDocument(blobName, content, reader.Read(blobName, content, receivedAt).Id);
        }).ToArray();
    }
}
