using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// The five-theme news taxonomy of <c>seeds/eval/bbc-themes.json</c> (business, entertainment, politics, sport,
/// tech) loads and puts short news paragraphs, written for this test, under the right theme, in English and French.
/// </summary>
public sealed class Bbc_taxonomy_classifies_hand_written_news
{
    private static ThemeTaxonomy Taxonomy()
    {
        using var stream = File.OpenRead(ThemeSamples.SeedsPath("eval", "bbc-themes.json"));
        return ThemeTaxonomy.Load(stream);
    }

    [Fact]
    public void It_declares_the_five_themes_with_english_and_french_keywords()
    {
        var taxonomy = Taxonomy();

        taxonomy.Themes.Select(t => t.Id).ShouldBe(["business", "entertainment", "politics", "sport", "tech"]);
        foreach (var theme in taxonomy.Themes)
        {
            theme.Labels.Keys.ShouldBe(["en", "fr"], ignoreOrder: true);
            theme.Keywords["en"].Count.ShouldBeInRange(30, 80);
            theme.Keywords["fr"].Count.ShouldBeInRange(30, 80);
        }
    }

    [Theory]
    [InlineData("business", "en",
        "Retailer cuts jobs as profits fall",
        "The high street chain said pre-tax profits fell by a fifth in the last quarter as consumer spending slowed. "
        + "Its shares dropped 8% on the stock market and analysts expect the chief executive to announce further job cuts. "
        + "Higher interest rates and rising inflation have squeezed household budgets.")]
    [InlineData("entertainment", "en",
        "Singer's new album tops the charts",
        "The singer's third album went straight to number one in the charts this week, ahead of a world tour. "
        + "The band will play a sold-out concert at the festival in June. "
        + "The actress who stars in the video has also been nominated for an award for her latest film.")]
    [InlineData("politics", "en",
        "Minister faces MPs over asylum bill",
        "The home secretary defended the government's asylum bill in the House of Commons on Tuesday. "
        + "Opposition MPs said the legislation would damage civil liberties, and several backbenchers threatened to vote against it. "
        + "The prime minister insisted the policy would feature in the party's election manifesto.")]
    [InlineData("sport", "en",
        "Late goal sends champions into cup final",
        "A late goal from the striker sent the champions into the cup final after a tense semi-final. "
        + "The coach praised his squad and the goalkeeper, who saved a penalty in the first half. "
        + "The club's fans filled the stadium for the biggest match of the season.")]
    [InlineData("tech", "en",
        "Broadband users face new spam threat",
        "Security experts warn that hackers are sending spam and phishing emails to broadband users. "
        + "The virus spreads through a website and infects computers running an old operating system. "
        + "Software makers urged people to update their browser and install a firewall on every laptop and mobile phone.")]
    [InlineData("sport", "fr",
        "L'équipe de France remporte le tournoi",
        "Portée par son capitaine, l'équipe de France a remporté le tournoi des Six Nations après une victoire en finale. "
        + "L'entraîneur a salué ses joueurs, tandis que l'ailier a marqué deux essais devant les supporters du stade. "
        + "Le sélectionneur annoncera la liste pour la Coupe du monde la saison prochaine.")]
    [InlineData("politics", "fr",
        "Les députés adoptent le projet de loi",
        "L'Assemblée nationale a adopté mardi le projet de loi du gouvernement sur l'immigration. "
        + "L'opposition dénonce une atteinte aux libertés publiques et réclame un référendum. "
        + "Le premier ministre a défendu la réforme devant les députés avant les élections législatives.")]
    public void A_news_paragraph_goes_to_its_theme(string expected, string language, string title, string paragraph)
    {
        var document = ThemeSamples.Document(language, ThemeSamples.Title(title), ThemeSamples.Paragraph(paragraph));

        var scores = new DocumentSummarizer(Taxonomy(), new SummarizerOptions()).ScoreThemes(document);

        scores[0].ThemeId.ShouldBe(expected);
        scores[0].Score.ShouldBeGreaterThan(2 * scores[1].Score);
    }
}
