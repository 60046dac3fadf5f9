using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigestPipeline.Core.Documents;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Api;

/// <summary>
/// <c>POST /api/documents</c> through real HTTP ends as an upload does: a blob in <c>incoming</c> with its metadata,
/// which the pipeline's triggers (started apart, as Event Grid and the Functions app are in Azure) ingest and summarize;
/// <c>GET /api/documents/{id}</c> follows it from "received" to "summarized" with its themes and summaries.
/// </summary>
public sealed class Uploads_through_the_api_become_summarized_documents(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static byte[] Seed(string name) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", name)) + $"\n\nEditor's note: copy {Guid.NewGuid():N}.\n");

    [Fact]
    public async Task A_raw_upload_is_received_then_summarized_with_its_themes_and_summaries()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("raw", Cancellation);
        var bytes = Seed("en-hospitals-and-grid-operators-brace-for-ai.txt");

        using var response = await api.Http.SendAsync(DocumentApiHost.Post(key, DocumentApiHost.Bytes(bytes, "text/plain; charset=utf-8"),
            "?name=hospitals.txt&sourceUrl=" + Uri.EscapeDataString("https://news.example.org/hospitals")), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancellation));
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var id = accepted.GetProperty("id").GetString().ShouldNotBeNull();
        accepted.GetProperty("name").GetString().ShouldBe("hospitals.txt");
        var status = accepted.GetProperty("status").GetString().ShouldNotBeNull();
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe(status);
        var blob = (await api.ApiBlobsAsync(Cancellation)).Where(b => b.Name.Contains(id, StringComparison.Ordinal)).ShouldHaveSingleItem();
        blob.Name.ShouldBe($"api/{id}/hospitals.txt");
        UploadMetadata.Read(blob.Metadata.AsReadOnly()).Link.ShouldBe(new Uri("https://news.example.org/hospitals"));

        // Nothing ingests yet: the upload is received.
        (await api.GetJsonAsync(key, status, Cancellation)).GetProperty("state").GetString().ShouldBe("received");

        await api.StartPipelineAsync(Cancellation);
        var summarized = await api.WaitForStateAsync(key, status, "summarized", Cancellation);

        summarized.GetProperty("id").GetString().ShouldBe(id);
        summarized.GetProperty("language").GetString().ShouldBe("en");
        summarized.GetProperty("sourceUrl").GetString().ShouldBe("https://news.example.org/hospitals");
        summarized.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        var documentId = summarized.GetProperty("documentId").GetString().ShouldNotBeNull();
        documentId.ShouldBe(new DocumentReader(new DocumentReaderOptions()).Read("hospitals.txt", bytes, DateTimeOffset.UtcNow, cancellationToken: Cancellation).Id);
        var text = (await api.Pages.Get<IDocumentStore>().GetAsync(documentId, Cancellation)).ShouldNotBeNull().Text;
        var themes = summarized.GetProperty("themes").EnumerateArray().ToList();
        themes.ShouldNotBeEmpty();
        themes.ShouldContain(t => t.GetProperty("keyPhrases").GetArrayLength() > 0, "key phrases travel with their theme");
        foreach (var theme in themes)
        {
            theme.GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
            var sentences = theme.GetProperty("summary").EnumerateArray().ToList();
            sentences.ShouldNotBeEmpty();
            foreach (var sentence in sentences)
            {
                // Each sentence points back to its place in the document's normalised text.
                var (start, end) = (sentence.GetProperty("start").GetInt32(), sentence.GetProperty("end").GetInt32());
                text[start..end].ShouldStartWith(sentence.GetProperty("text").GetString()!.TrimEnd('…', ' '));
            }
        }
    }

    [Fact]
    public async Task A_multipart_upload_of_two_files_gives_two_uploads_each_summarized()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("multipart", Cancellation);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("https://council.example.org/notes"), "sourceUrl" },
            { DocumentApiHost.Bytes(Seed("en-city-council-digital-committee-notes.md"), "text/markdown"), "file", "council notes.md" },
            { DocumentApiHost.Bytes(Seed("fr-tech-basel-ai-summit-miami.txt"), "text/plain"), "file", "sommet é.txt" },
        };

        using var response = await api.Http.SendAsync(DocumentApiHost.Post(key, form), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancellation));
        var uploads = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("uploads").EnumerateArray().ToList();
        uploads.Select(u => u.GetProperty("name").GetString()).ShouldBe(["council notes.md", "sommet é.txt"]);
        (await api.ApiBlobsAsync(Cancellation)).Count(b => uploads.Any(u => b.Name.Contains(u.GetProperty("id").GetString()!))).ShouldBe(2);

        await api.StartPipelineAsync(Cancellation);
        var languages = new List<string?>();
        foreach (var upload in uploads)
        {
            var state = await api.WaitForStateAsync(key, upload.GetProperty("status").GetString()!, "summarized", Cancellation);
            state.GetProperty("sourceUrl").GetString().ShouldBe("https://council.example.org/notes");
            state.GetProperty("themes").GetArrayLength().ShouldBeGreaterThan(0);
            languages.Add(state.GetProperty("language").GetString());
        }

        languages.ShouldBe(["en", "fr"]);
    }

    [Fact]
    public async Task The_same_file_posted_twice_is_one_document()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("twice", Cancellation);
        var bytes = Seed("en-hospitals-and-grid-operators-brace-for-ai.txt");
        var statuses = new List<string>();
        foreach (var name in new[] { "first.txt", "second.txt" })
        {
            using var response = await api.Http.SendAsync(DocumentApiHost.Post(key, DocumentApiHost.Bytes(bytes, "text/plain"), "?name=" + name), Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            statuses.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("status").GetString()!);
        }

        statuses.Distinct().Count().ShouldBe(2, "each post is its own upload");
        await api.StartPipelineAsync(Cancellation);
        var documentIds = new List<string?>();
        foreach (var status in statuses)
            documentIds.Add((await api.WaitForStateAsync(key, status, "summarized", Cancellation)).GetProperty("documentId").GetString());

        documentIds.Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        var records = new List<DocumentRecord>();
        await foreach (var record in api.Pages.Get<IDocumentRecords>().ListRecordsAsync(Cancellation))
            records.Add(record);
        records.Count(r => r.Id == documentIds[0]).ShouldBe(1);
        records.Where(r => r.SourceName.EndsWith("/first.txt", StringComparison.Ordinal) || r.SourceName.EndsWith("/second.txt", StringComparison.Ordinal))
            .ShouldHaveSingleItem("one document record for both uploads, under the name of whichever ingest read first");
    }
}
