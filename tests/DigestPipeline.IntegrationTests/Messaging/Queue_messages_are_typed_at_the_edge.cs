using System.Text.Json.Nodes;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Messaging;

/// <summary>
/// Core publishes and handles typed messages; the Azure edge puts each on its queue and reads it back: the
/// <c>ingest</c> message is an Event Grid BlobCreated event (Event Grid schema, one event per message), the others
/// JSON with a schema version. What cannot be read is a <see cref="FormatException"/>, which the endpoint poisons.
/// </summary>
public sealed class Queue_messages_are_typed_at_the_edge
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 41, 0, TimeSpan.Zero);

    private static string Event(string type = EventGridUpload.BlobCreatedType, string container = "incoming", string blob = "reports/a.txt") => $$"""
        {
          "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
          "subject": "/blobServices/default/containers/{{container}}/blobs/{{blob}}",
          "eventType": "{{type}}",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": { "api": "PutBlockList", "eTag": "\"0x8D4BCC2E4835CD0\"", "contentType": "text/plain", "contentLength": 524288,
                    "blobType": "BlockBlob", "url": "https://st.blob.core.windows.net/{{container}}/{{blob}}", "sequencer": "0001" },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2026-11-24T10:41:00Z"
        }
        """;

    [Fact]
    public void An_Event_Grid_BlobCreated_event_becomes_the_upload_it_tells_of()
    {
        var upload = EventGridUpload.Parse(Event()).ShouldNotBeNull();

        upload.ShouldBe(new UploadArrived("reports/a.txt", "\"0x8D4BCC2E4835CD0\"", "https://st.blob.core.windows.net/incoming/reports/a.txt", 524288, "text/plain", At));
        EventGridUpload.Parse($"[{Event()}]").ShouldBe(upload, "an array of one event is accepted too");
    }

    [Fact]
    public void An_event_of_another_type_is_not_an_upload()
    {
        EventGridUpload.Parse(Event(type: "Microsoft.Storage.BlobDeleted")).ShouldBeNull();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"schemaVersion":1,"documentId":"doc"}""")]
    [InlineData("""{"id":"1","subject":"/blobServices/default/containers/incoming/blobs/a.txt","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-24T10:41:00Z","dataVersion":""}""")]
    public void What_is_not_one_Event_Grid_event_cannot_be_read(string text)
    {
        Should.Throw<FormatException>(() => EventGridUpload.Parse(text));
    }

    [Fact]
    public void Two_events_in_one_message_cannot_be_read()
    {
        Should.Throw<FormatException>(() => EventGridUpload.Parse($"[{Event()},{Event()}]")).Message.ShouldContain("got 2");
    }

    [Fact]
    public void An_upload_outside_incoming_or_without_a_blob_path_cannot_be_read()
    {
        Should.Throw<FormatException>(() => EventGridUpload.Parse(Event(container: "documents"))).Message.ShouldContain("'documents'");
        Should.Throw<FormatException>(() => EventGridUpload.Parse(Event().Replace("/blobServices/default/containers/incoming/blobs/reports/a.txt", "/somewhere/else", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_published_upload_is_written_as_Event_Grid_writes_it_and_reads_back()
    {
        var upload = new UploadArrived("notes/réunion.md", "0x8DC1", "http://127.0.0.1:10000/devstoreaccount1/incoming/notes/r%C3%A9union.md", 42, null, At);

        var (queue, text) = QueueMessages.Encode(upload);

        queue.ShouldBe("ingest");
        var json = JsonNode.Parse(text)!.AsObject();
        json.Select(p => p.Key).ShouldBe(["id", "subject", "eventType", "eventTime", "data", "dataVersion", "metadataVersion"]);
        json["subject"]!.GetValue<string>().ShouldBe("/blobServices/default/containers/incoming/blobs/notes/réunion.md");
        json["eventType"]!.GetValue<string>().ShouldBe("Microsoft.Storage.BlobCreated");
        json["data"]!.AsObject().Select(p => p.Key).ShouldBe(["api", "contentLength", "blobType", "url", "eTag"], "a null content type is left out");
        EventGridUpload.Parse(text).ShouldBe(upload);
    }

    [Fact]
    public void Summarize_and_digest_messages_go_to_their_queues_with_their_schema_version()
    {
        var summarize = new SummarizeMessage(SummarizeMessage.CurrentVersion, "doc");
        var digest = new DigestBatchMessage(DigestBatchMessage.CurrentVersion, [new DigestRequest("sub", At)]);

        var (summarizeQueue, summarizeText) = QueueMessages.Encode(summarize);
        var (digestQueue, digestText) = QueueMessages.Encode(digest);

        (summarizeQueue, digestQueue).ShouldBe(("summarize", "digest"));
        summarizeText.ShouldBe("""{"schemaVersion":1,"documentId":"doc"}""");
        QueueMessages.ParseSummarize(summarizeText).ShouldBe(summarize);
        QueueMessages.ParseDigestBatch(digestText).Requests.ShouldBe(digest.Requests);
        Should.Throw<FormatException>(() => QueueMessages.ParseSummarize("""{"schemaVersion":2,"documentId":"doc"}"""));
        Should.Throw<FormatException>(() => QueueMessages.ParseDigestBatch("""{"schemaVersion":2,"requests":[]}"""));
        Should.Throw<ArgumentException>(() => QueueMessages.Encode("a string is no message"));
    }
}
