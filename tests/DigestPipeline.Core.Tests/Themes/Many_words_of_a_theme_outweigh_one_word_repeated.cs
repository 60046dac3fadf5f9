using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>A keyword met again in the document counts a quarter: breadth of a theme's vocabulary beats repetition.</summary>
public sealed class Many_words_of_a_theme_outweigh_one_word_repeated
{
    private const string Taxonomy = """
        {"themes":[
          {"id":"sport","labels":{"en":"Sport"},"keywords":{"en":["match","goal","coach","league"]}},
          {"id":"business","labels":{"en":"Business"},"keywords":{"en":["market","shares","profit","investors"]}}
        ]}
        """;

    [Fact]
    public void Four_sport_words_once_beat_one_business_word_five_times()
    {
        var document = ThemeSamples.Document("en",
            ThemeSamples.Paragraph("The market opened late. The market rallied. Analysts said the market was calm. "
                + "The market closed higher. A market holiday follows."),
            ThemeSamples.Paragraph("The coach praised the goal that won the league match."));

        var scores = new DocumentSummarizer(ThemeSamples.Taxonomy(Taxonomy), new SummarizerOptions()).ScoreThemes(document);

        scores[0].ThemeId.ShouldBe("sport");
        scores[0].Score.ShouldBe(4);
        scores[1].Score.ShouldBe(1 + (4 * 0.25));
    }
}
