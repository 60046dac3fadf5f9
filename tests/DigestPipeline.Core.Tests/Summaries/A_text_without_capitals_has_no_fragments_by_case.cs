using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// A sentence opening lower-case reads as a piece of an enumeration and is worth less. In a lower-cased release
/// every sentence opens lower-case but those opening on a quote (<c>``</c>) or a number, which were then preferred
/// 2.5 to 1: on the released BBC dev, 3-sentence summaries fell from 60.3 to 48.5 ROUGE-1.
/// </summary>
public sealed class A_text_without_capitals_has_no_fragments_by_case
{
    [Fact]
    public void A_sentence_opening_lower_case_is_worth_as_much_as_one_opening_on_a_quote()
    {
        var document = AnalyzedDocument.Analyze(DocumentReading.ReadText("story.txt",
            "the city council voted on monday to close the old bridge for repairs .\n"
            + "`` we have no choice , '' mayor jane doe told reporters on monday .\n"
            + "drivers will be sent through the tunnel , which opened in 1998 ."));

        document.IsCaseless.ShouldBeTrue();
        SentenceQuality.Of(document, document.Sentences[0]).ShouldBe(SentenceQuality.Of(document, document.Sentences[1]));
    }
}
