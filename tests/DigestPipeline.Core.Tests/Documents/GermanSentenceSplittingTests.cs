using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class GermanSentenceSplittingTests
{
    [Fact]
    public void German_abbreviations_and_ordinal_dates_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph("Die Firma, z.B. Siemens, investiert 2 Mrd. Euro. Der Bau beginnt am 3. Oktober. Dr. Weber ist zufrieden.", "de")
            .ShouldBe(["Die Firma, z.B. Siemens, investiert 2 Mrd. Euro.", "Der Bau beginnt am 3. Oktober.", "Dr. Weber ist zufrieden."]);
    }

    [Fact]
    public void A_language_without_its_own_list_still_splits_on_plain_periods()
    {
        DocumentReading.SplitParagraph("Eerste zin hier. Tweede zin daar.", "unknown").ShouldBe(["Eerste zin hier.", "Tweede zin daar."]);
    }
}
