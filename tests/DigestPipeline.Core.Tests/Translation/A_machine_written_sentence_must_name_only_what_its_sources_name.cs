using DigestPipeline.Core.Translation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// The check every generated lead sentence passes before a reader sees it: a number, a date or a name the cited
/// sentences do not hold is the invention a reader cannot spot, so the sentence is refused.
/// </summary>
public sealed class A_machine_written_sentence_must_name_only_what_its_sources_name
{
    private static readonly string[] Sources =
    [
        "Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.",
        "Jackson Health System teste des assistants dans 3 hôpitaux.",
    ];

    [Fact]
    public void Fails_on_an_invented_name()
    {
        GroundedSentence.Ungrounded("Jackson Health System teste des assistants dans 3 hôpitaux de Floride.", Sources).ShouldBe(["Floride"]);
    }

    [Fact]
    public void Passes_a_sentence_of_the_sources_facts_in_other_words()
    {
        GroundedSentence.IsGrounded("Au sommet de Bâle, 1 200 chercheurs se sont réunis le 11 mai.", Sources).ShouldBeTrue();
        GroundedSentence.IsGrounded("Des assistants sont testés par Jackson Health System dans 3 hôpitaux.", Sources).ShouldBeTrue();
    }

    [Fact]
    public void Fails_on_an_invented_number()
    {
        GroundedSentence.Ungrounded("Le sommet de Bâle a réuni 1 500 chercheurs.", Sources).ShouldBe(["500"]);
    }

    [Fact]
    public void Fails_on_an_invented_date()
    {
        // "juin" is a date the sources never give, even lower-cased at no sentence start.
        GroundedSentence.Ungrounded("Les chercheurs se sont réunis en juin à Bâle.", Sources).ShouldBe(["juin"]);
    }

    [Fact]
    public void Compares_names_without_case_or_accents_and_lets_the_first_word_be_capitalised()
    {
        GroundedSentence.IsGrounded("Trois hôpitaux testent des assistants à BALE.", ["Trois hôpitaux testent des assistants à Bâle."]).ShouldBeTrue();
        // A name written otherwise in another language is not the source's: the lead writer adds the cited sentences'
        // translations to the sources for that.
        GroundedSentence.IsGrounded("Hospitals in Basel test assistants.", ["Les hôpitaux de Bâle testent des assistants."]).ShouldBeFalse();
    }
}
