using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class Language_given_by_the_caller_replaces_detection
{
    [Fact]
    public void A_given_language_is_the_documents_language_and_the_content_id_stays_the_same()
    {
        var reader = DocumentReading.Reader(new DocumentReaderOptions());
        var bytes = DocumentReading.SeedBytes();

        var detected = reader.Read("seed.txt", bytes, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);
        var given = reader.Read("seed.txt", bytes, DocumentReading.ReceivedAt, language: "en", TestContext.Current.CancellationToken);

        detected.Language.ShouldBe("fr");
        given.Language.ShouldBe("en");
        given.Id.ShouldBe(detected.Id);
        given.Text.ShouldBe(detected.Text);
    }
}
