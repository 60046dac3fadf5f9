using DigestPipeline.Core.Tests.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// The CNN/DailyMail release (and others like it) gives news lower-cased, tokenized, one sentence a line: no capital
/// tells where a sentence starts, so the splitter joined every line into one "sentence", and a 3-sentence summary was
/// 97 % of the article. The line ends are the sentence ends there; a hard-wrapped paragraph keeps its lines together
/// (HeadingAndBulletSentenceTests, SeedArticleStructureTests).
/// </summary>
public sealed class A_text_written_one_sentence_a_line_is_split_at_its_line_ends
{
    private static readonly string[] Lines =
    [
        "-lrb- cnn -rrb- -- the city council voted on monday to close the old bridge for repairs .",
        "the work will take two years and cost $ 40 million , officials said .",
        "`` we have no choice , '' mayor jane doe told reporters .",
        "drivers will be sent through the tunnel , which opened in 1998 .",
    ];

    [Fact]
    public void A_lower_cased_tokenized_text_gives_one_sentence_a_line()
    {
        var document = DocumentReading.ReadText("story.txt", string.Join('\n', Lines));

        document.SentenceTexts().ShouldBe(Lines);
    }

    [Fact]
    public void Lines_without_a_terminator_in_a_text_of_lines_are_sentences_too()
    {
        // BBC sport stories end on fixtures, one a line, without a period: the share of lines ending a sentence
        // falls under 60 %, but those lines would have fitted on the line before, so nothing wrapped them.
        string[] fixtures = ["arsenal v stoke", "man utd v exeter", "plymouth v everton", "leicester v blackpool"];
        var document = DocumentReading.ReadText("draw.txt", string.Join('\n', Lines.Concat(fixtures)));

        document.SentenceTexts().ShouldBe([.. Lines, .. fixtures]);
    }

    [Fact]
    public void Two_lower_cased_lines_are_two_sentences()
    {
        // One break is little evidence, but in a text without capitals nothing else would split there (an OrangeSum
        // article of two sentences, released so, was one sentence over a 1-sentence budget).
        var document = DocumentReading.ReadText("story.txt", Lines[0] + "\n" + Lines[1]);

        document.SentenceTexts().ShouldBe(Lines[..2]);
    }
}
