using System.Diagnostics;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Removal;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Cli.Local;

/// <summary>One finding of <c>digest smoke</c>.</summary>
public sealed record SmokeFinding(string Check, bool Passed, string Detail);

/// <summary>
/// <c>digest smoke</c>: checks a running deployment end to end, as a user would find it. It uploads a small document
/// to <c>incoming</c> (text on no theme of the taxonomy, so it reaches no subscriber), waits for its summary, checks that
/// <c>ingest-poison</c> is empty (an Event Grid message the Ingest function cannot decode lands there: this settles
/// how the real service encodes its queue messages), fetches the subscribe page, and removes the document again.
/// </summary>
public sealed class SmokeCheck(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    IDocumentRecords records,
    ISummaryStore summaries,
    DocumentReader reader,
    RemoveDocumentHandler remover,
    TimeProvider time)
{
    /// <param name="subscribePage">The subscribe page to fetch, or null to skip that check.</param>
    /// <param name="keep">Leave the smoke document in place (to look at it).</param>
    public async Task<IReadOnlyList<SmokeFinding>> RunAsync(Uri? subscribePage, TimeSpan timeout, bool keep, Action<string> progress, CancellationToken cancellationToken)
    {
        var findings = new List<SmokeFinding>();
        var now = time.GetUtcNow();
        var name = $"smoke/smoke-{now:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}.txt";
        var content = Encoding.UTF8.GetBytes(Text(name));
        var documentId = reader.Read(name, content, now, cancellationToken: cancellationToken).Id;

        await blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(name)
            .UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);
        findings.Add(new SmokeFinding("upload", true, $"{StorageNames.IncomingContainer}/{name} (document {documentId})"));
        progress($"Uploaded {name}; waiting up to {timeout} for its summary");

        var started = Stopwatch.GetTimestamp();
        DocumentRecord? record = null;
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            record = await records.GetRecordAsync(documentId, cancellationToken);
            if (record?.Status is DocumentStatus.Summarized or DocumentStatus.Rejected)
                break;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        var waited = Stopwatch.GetElapsedTime(started);
        var summary = record?.Status == DocumentStatus.Summarized ? await summaries.GetAsync(documentId, cancellationToken) : null;
        findings.Add(record switch
        {
            { Status: DocumentStatus.Summarized } when summary is not null =>
                new SmokeFinding("summary", true, $"summarized in {waited.TotalSeconds:0.0} s ({record.Language}; taxonomy themes: {Ids(summary.Themes.Where(t => !t.Discovered))}; discovered: {Ids(summary.Themes.Where(t => t.Discovered))})"),
            { Status: DocumentStatus.Rejected } => new SmokeFinding("summary", false, $"the upload was rejected: {record.Reason}"),
            null => new SmokeFinding("summary", false, $"not ingested after {waited.TotalSeconds:0} s: is the Ingest trigger running, and does the blob event reach the '{StorageNames.IngestQueue}' queue?"),
            _ => new SmokeFinding("summary", false, $"still {record.Status} after {waited.TotalSeconds:0} s: is the Summarize trigger running?"),
        });

        var poison = queues.GetQueueClient(StorageNames.PoisonQueue(StorageNames.IngestQueue));
        var depth = (await poison.ExistsAsync(cancellationToken)).Value ? (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0;
        findings.Add(new SmokeFinding(poison.Name, depth == 0, depth == 0
            ? "empty"
            : $"{depth} message(s): see 'digest poison list' (a blob event the Ingest function could not read ends here)"));

        findings.Add(subscribePage is null
            ? new SmokeFinding("subscribe page", true, "skipped (no address: --subscribe-url or Subscriptions__PublicBaseUrl)")
            : await FetchAsync(subscribePage, cancellationToken));

        if (!keep && record is not null)
        {
            await remover.RemoveAsync(documentId, cancellationToken);
            findings.Add(new SmokeFinding("clean-up", true, $"document {documentId} removed"));
        }

        return findings;
    }

    private static string Ids(IEnumerable<ThemedSummary> themes) => themes.Any() ? string.Join(", ", themes.Select(t => t.ThemeId)) : "none";

    private static async Task<SmokeFinding> FetchAsync(Uri page, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var response = await http.GetAsync(page, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var hasForm = body.Contains("<form", StringComparison.OrdinalIgnoreCase);
            return new SmokeFinding("subscribe page", response.IsSuccessStatusCode && hasForm,
                $"{page}: {(int)response.StatusCode} {response.ReasonPhrase}{(hasForm ? ", with its form" : ", no form in the page")}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new SmokeFinding("subscribe page", false, $"{page}: {e.Message}");
        }
    }

    /// <summary>A short text on no theme of the taxonomy (bread: only a theme discovered from its heading), unique to this run so that it is a new document.</summary>
    private static string Text(string name) => $"""
        Smoke check {name}

        This short note checks that a deployment of the pipeline reads, summarizes and files what arrives. It talks
        about bread. Mix flour, water, salt and a little yeast, knead the dough for ten minutes and let it rise until
        it doubles. Shape the loaf, let it rest again, then bake it in a hot oven until the crust sounds hollow.

        A good loaf keeps for three days wrapped in a cloth. Slices of older bread make fine toast in the morning.
        """;
}
