using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// The sample taxonomy (<c>seeds/themes.json</c>) covers every language the detector knows by its stop words: a news
/// paragraph in German, Spanish, Italian, Portuguese or Dutch, read and detected as an upload is, gets its theme
/// (before, such a document was matched against the English keywords, found none, and was never delivered).
/// </summary>
public sealed class Seed_taxonomy_gives_news_in_seven_languages_their_theme
{
    [Fact]
    public void Every_theme_has_a_label_and_keywords_in_each_language_the_detector_knows_by_its_words()
    {
        foreach (var theme in ThemeSamples.SeedTaxonomy().Themes)
        {
            foreach (var language in LanguageDetector.Languages)
            {
                theme.Labels.ShouldContainKey(language, theme.Id);
                theme.Keywords.ShouldContainKey(language, theme.Id);
                theme.Keywords[language].Count.ShouldBeGreaterThanOrEqualTo(10, $"{theme.Id} in {language}");
                if (theme.Requires.Count > 0) theme.Requires.ShouldContainKey(language, theme.Id);
            }
        }
    }

    [Theory]
    [InlineData("health", "de",
        "Kliniken testen neuen Impfstoff gegen Grippe",
        "Mehrere Universitätskliniken haben am Montag mit einer klinischen Studie für einen neuen Impfstoff begonnen. "
        + "Die Ärzte wollen in den kommenden Monaten rund 3.000 Patientinnen und Patienten impfen und beobachten, ob die Krankheit seltener schwer verläuft. "
        + "Das Bundesgesundheitsministerium hofft, dass der Impfstoff noch vor dem nächsten Winter in den Krankenhäusern verfügbar ist.")]
    [InlineData("climate-environment", "es",
        "La sequía obliga a restringir el consumo de agua en Cataluña",
        "El Gobierno catalán ha decretado nuevas restricciones por la sequía, la más grave desde que existen registros. "
        + "Los expertos atribuyen la falta de lluvias al cambio climático y piden acelerar la transición ecológica. "
        + "Las emisiones de gases de efecto invernadero de la región siguen lejos de los objetivos fijados para 2030.")]
    [InlineData("cybersecurity", "it",
        "Attacco ransomware contro un'azienda di trasporti",
        "Un attacco informatico ha bloccato per due giorni i sistemi di una grande azienda di trasporti del Nord Italia. "
        + "Gli hacker hanno usato un ransomware e chiesto un riscatto in bitcoin, mentre l'Agenzia per la cybersicurezza nazionale indaga su una possibile violazione dei dati dei clienti. "
        + "Secondo gli esperti, una semplice email di phishing è bastata per entrare nella rete aziendale.")]
    [InlineData("work-employment", "pt",
        "Desemprego volta a subir e sindicatos pedem aumento de salários",
        "A taxa de desemprego voltou a subir no terceiro trimestre e está agora nos 6,8%, segundo o Instituto Nacional de Estatística. "
        + "Os sindicatos exigem aumentos de salários e não aceitam os despedimentos que foram anunciados por várias empresas do setor têxtil. "
        + "O Governo diz que também vai proteger os postos de trabalho e apoiar os trabalhadores, mas as medidas só serão conhecidas em dezembro.")]
    [InlineData("energy-compute", "nl",
        "Nieuw datacenter legt beslag op stroomnet",
        "Het nieuwe datacenter in de Eemshaven gaat jaarlijks evenveel elektriciteit verbruiken als honderdduizend huishoudens. "
        + "Netbeheerder TenneT waarschuwt dat het stroomnet in het noorden daardoor overvol raakt. "
        + "Het bedrijf wil de duizenden GPU's met restwarmte koelen en belooft zijn energieverbruik te beperken door zuinigere chips te gebruiken.")]
    public void A_news_paragraph_gets_its_theme(string expected, string language, string title, string paragraph)
    {
        var document = DocumentReading.ReadText("news.txt", title + "\n\n" + paragraph);
        var summarizer = new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), new SummarizerOptions());

        document.Language.ShouldBe(language);
        var scores = summarizer.ScoreThemes(document);
        scores[0].ThemeId.ShouldBe(expected, string.Join(", ", scores.Where(s => s.Score > 0)));
        scores[0].Score.ShouldBeGreaterThan(2 * scores[1].Score);
        var theme = summarizer.Summarize(document, ThemeSamples.At).Themes[0];
        theme.ThemeId.ShouldBe(expected);
        theme.Label(language).ShouldBe(ThemeSamples.SeedTaxonomy().Find(expected)!.Labels[language]);
        theme.Sentences.ShouldNotBeEmpty();
    }
}
