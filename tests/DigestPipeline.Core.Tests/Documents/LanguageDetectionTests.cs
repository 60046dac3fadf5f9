using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class LanguageDetectionTests
{
    [Theory]
    [InlineData("fr", "Le gouvernement a présenté mardi un projet de loi sur l’énergie qui devrait être adopté avant la fin de l’année. Les députés en débattront dès la semaine prochaine.")]
    [InlineData("fr", "Ce mouvement est porté par quatre facteurs : la perception progresse vite et les usages industriels sont prêts à basculer.")]
    [InlineData("en", "The committee said on Tuesday that it would publish its findings before the end of the year, after hearing from all of the witnesses.")]
    [InlineData("en", "Open source is no longer an alternative movement. It has become the shared infrastructure of the whole industry, and its weight keeps growing.")]
    [InlineData("de", "Die Bundesregierung hat am Dienstag einen Gesetzentwurf vorgelegt, der noch vor dem Ende des Jahres verabschiedet werden soll. Die Opposition kritisiert den Zeitplan.")]
    [InlineData("de", "Künstliche Intelligenz ist für viele Unternehmen nicht mehr nur ein Experiment, sondern wird zu einer kritischen Infrastruktur.")]
    [InlineData("es", "El gobierno presentó el martes un proyecto de ley sobre la energía que debería aprobarse antes del final del año. Los diputados lo debatirán la próxima semana.")]
    [InlineData("es", "La inteligencia artificial ya no es un experimento para las empresas, sino una infraestructura crítica que cambia su forma de trabajar.")]
    [InlineData("it", "Il governo ha presentato martedì un disegno di legge sull’energia che dovrebbe essere approvato prima della fine dell’anno. I deputati ne discuteranno la prossima settimana.")]
    [InlineData("it", "L’intelligenza artificiale non è più un esperimento per le aziende, ma è diventata una infrastruttura critica per il loro lavoro.")]
    [InlineData("pt", "O governo apresentou na terça-feira um projeto de lei sobre a energia que deverá ser aprovado antes do fim do ano. Os deputados vão debatê-lo na próxima semana.")]
    [InlineData("pt", "A inteligência artificial já não é uma experiência para as empresas, mas sim uma infraestrutura crítica que muda a sua forma de trabalhar.")]
    [InlineData("nl", "De regering heeft dinsdag een wetsvoorstel over energie gepresenteerd dat voor het einde van het jaar moet worden aangenomen. De oppositie is niet tevreden.")]
    [InlineData("nl", "Kunstmatige intelligentie is voor veel bedrijven geen experiment meer, maar een kritieke infrastructuur die hun manier van werken verandert.")]
    public void Real_sentences_are_detected_in_their_language(string expected, string text)
    {
        LanguageDetector.Detect(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Bonjour")]
    [InlineData("Miami 2025")]
    [InlineData("NVIDIA, Hugging Face, Meta")]
    [InlineData("de la")]
    [InlineData("")]
    public void Very_short_or_ambiguous_text_is_unknown(string text)
    {
        LanguageDetector.Detect(text).ShouldBe(LanguageDetector.Unknown);
    }

    [Fact]
    public void Text_without_stop_words_of_any_profile_is_unknown()
    {
        LanguageDetector.Detect("Szybki brązowy lis przeskakuje nad leniwym psem, potem odpoczywa długo wśród drzew i krzewów.").ShouldBe(LanguageDetector.Unknown);
    }

    [Fact]
    public void Detected_documents_carry_a_lowercase_iso_639_1_code()
    {
        var english = DocumentReading.ReadText("memo.txt", "Quarterly memo\n\nThe board met on Monday and agreed that the new plant will open in the spring, with all of the staff it needs.\n\nMore details will follow.");
        var unknown = DocumentReading.ReadText("memo.txt", "Memo\n\nOK.");

        english.Language.ShouldBe("en");
        unknown.Language.ShouldBe(LanguageDetector.Unknown);
    }
}
