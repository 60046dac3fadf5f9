using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.BadInput;

/// <summary>
/// Every case of <see cref="BadInputCorpus"/> through <see cref="DocumentReader"/>: a rejection with the expected
/// reason and a message naming the upload, or (when it is legitimately a document) a document with sentences
/// that the summarizer handles.
/// </summary>
public sealed class Every_bad_input_is_rejected_with_its_reason_or_read
{
    public static TheoryData<string> Cases() => [.. BadInputCorpus.All.Select(c => c.Case)];

    [Fact]
    public void The_corpus_has_at_least_fifty_cases_with_distinct_names()
    {
        BadInputCorpus.All.Count.ShouldBeGreaterThanOrEqualTo(50);
        BadInputCorpus.All.Select(c => c.BlobName).Distinct().Count().ShouldBe(BadInputCorpus.All.Count);
        BadInputCorpus.All.Select(c => c.Case).Distinct().Count().ShouldBe(BadInputCorpus.All.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gets_its_reason_or_is_read(string @case)
    {
        var input = BadInputCorpus.All.Single(c => c.Case == @case);
        var content = input.Build();
        var reader = DocumentReading.Reader(BadInputCorpus.Options);

        if (input.Rejected == RejectionReason.UnsafeName)
        {
            // The name is refused before the bytes are read (IngestDocumentHandler); the reader never sees it.
            UploadName.Problem(input.BlobName).ShouldNotBeNull();
            return;
        }

        UploadName.Problem(input.BlobName).ShouldBeNull();
        if (input.Rejected is { } reason)
        {
            var rejection = Should.Throw<DocumentRejectedException>(() => reader.Read(input.BlobName, content, DocumentReading.ReceivedAt,
                cancellationToken: TestContext.Current.CancellationToken));
            rejection.Reason.ShouldBe(reason, rejection.Message);
            rejection.Message.ShouldContain($"'{input.BlobName}'");
            return;
        }

        var document = reader.Read(input.BlobName, content, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);
        document.Sentences.ShouldNotBeEmpty();
        document.Sentences.Count.ShouldBeLessThanOrEqualTo(BadInputCorpus.Options.MaxSentences);
        document.Sentences.ShouldAllBe(s => s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= document.Text.Length);
        Should.NotThrow(() => ThemeSamples.Summarize(document));
    }
}
