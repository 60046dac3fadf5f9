using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>The table that numbers a document's terms by stem number while its similarity vectors are built.</summary>
public sealed class StemTermsTests
{
    [Fact]
    public void Each_stem_keeps_the_number_it_was_first_given_as_the_table_grows()
    {
        var terms = new StemTerms();
        try
        {
            // 5,000 stems, far apart as a vocabulary's numbers are: the table starts with 1,024 slots and grows.
            for (var stem = 0; stem < 5_000; stem++)
            {
                ref var term = ref terms.Find(stem * 7, out var found);
                found.ShouldBeFalse();
                term = stem;
            }

            for (var stem = 0; stem < 5_000; stem++)
            {
                terms.Find(stem * 7, out var found).ShouldBe(stem);
                found.ShouldBeTrue();
            }

            terms.Find(3, out var unseen);
            unseen.ShouldBeFalse();
        }
        finally
        {
            terms.Dispose();
        }
    }
}
