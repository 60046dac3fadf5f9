using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// A document with body text always gets a non-empty summary, in the pipeline (its themed summaries) and in
/// <c>digest eval</c> (the generic summary, under a sentence or a word budget). Each case here once gave none.
/// </summary>
public sealed class Every_document_with_text_has_a_summary
{
    /// <summary>
    /// A news text on one line that opens with ►: the line was read as one list item, and a list item was one
    /// sentence, so the whole article was one 70-word sentence that no 40-word budget could hold.
    /// </summary>
    private const string BulletedArticle =
        "► LE GOUVERNEMENT PRÉSENTE SON PLAN Le gouvernement a présenté mardi un plan de relance pour l’industrie, doté de deux milliards d’euros sur cinq ans. "
        + "Les syndicats saluent une première étape mais réclament des garanties sur l’emploi dans les usines menacées de fermeture. "
        + "Le ministre de l’Économie défendra le texte devant les députés la semaine prochaine, avant un vote prévu au printemps. "
        + "Selon Bercy, près de 40 000 emplois pourraient être préservés d’ici à 2030.";

    [Fact]
    public void A_text_opening_with_a_bullet_symbol_is_split_into_its_sentences_and_summarized()
    {
        var document = DocumentReading.ReadText("plan-de-relance.txt", BulletedArticle);

        document.Language.ShouldBe("fr");
        document.SentenceTexts().ShouldContain("Selon Bercy, près de 40 000 emplois pourraient être préservés d’ici à 2030.");
        document.Sentences.Count.ShouldBe(4);
        var generic = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(40));
        generic.ShouldNotBeEmpty();
        generic.ShouldAllBe(s => document.Text.Substring(s.Start, s.Length) == s.Text);
        generic.Sum(s => WordCount.Of(s.Text)).ShouldBeLessThanOrEqualTo(40);
        ThemeSamples.Summarize(document).Themes.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_word_budget_shorter_than_every_sentence_gives_the_best_sentence_cut_to_fit()
    {
        var document = DocumentReading.ReadText("notes.txt",
            "Carnet de jardin\n\n"
            + "Les tomates anciennes que nous avons semées au printemps dans le potager derrière la maison de nos grands-parents demandent un tuteur solide et un arrosage régulier pendant tout l’été "
            + "sans quoi les tiges cassent sous le poids des fruits mûrs et la récolte entière se perd avant la fin du mois d’août.");

        var summary = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(12));

        var sentence = summary.ShouldHaveSingleItem();
        sentence.IsClause.ShouldBeTrue();
        sentence.Text.ShouldBe("Les tomates anciennes que nous avons semées au printemps dans le potager");
        document.Text.Substring(sentence.Start, sentence.Length).ShouldBe(sentence.Text);
    }

    [Fact]
    public void A_document_whose_headed_sections_have_no_body_is_summarized_from_its_lead()
    {
        var document = DocumentReading.ReadText("jardin.md",
            "# Carnet de jardin\n\nLes tomates anciennes demandent un tuteur solide et un arrosage régulier.\n\n## Annexes\n");

        var theme = ThemeSamples.Summarize(document).Themes.ShouldHaveSingleItem();

        theme.Discovered.ShouldBeTrue();
        theme.Sentences.ShouldHaveSingleItem().Text.ShouldBe("Les tomates anciennes demandent un tuteur solide et un arrosage régulier.");
    }

    [Fact]
    public void A_sentence_of_one_word_longer_than_64_letters_is_summarized()
    {
        // Thai writes no space between the words of a clause: this sentence is one run of 108 letters and marks.
        const string sentence = "ประเทศไทยมีแผนจะสร้างศูนย์ข้อมูลขนาดใหญ่แห่งใหม่ในกรุงเทพมหานครภายในปีหน้าเพื่อรองรับความต้องการที่เพิ่มขึ้น";
        var document = DocumentReading.ReadText("thai.txt", "ข่าวเทคโนโลยี\n\n" + sentence);

        var summary = ThemeSamples.Summarize(document);

        summary.Themes.ShouldHaveSingleItem().Sentences.ShouldHaveSingleItem().Text.ShouldBe(sentence);
        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(1)).ShouldHaveSingleItem().Text.ShouldBe(sentence);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("ar")]
    [InlineData("ru")]
    public void A_chinese_arabic_or_russian_document_is_detected_split_and_summarized_on_no_declared_theme(string language)
    {
        var (title, sentences) = OtherScriptNews.For(language);
        var document = DocumentReading.ReadText($"news-{language}.txt", title + "\n\n" + string.Join(language == "zh" ? "" : " ", sentences));

        document.Language.ShouldBe(language);
        document.SentenceTexts().ShouldBe([title, .. sentences]);
        var summaries = ThemeSamples.Summarize(document);
        summaries.Themes.ShouldNotBeEmpty();
        summaries.Themes.ShouldAllBe(t => t.Discovered, "the sample taxonomy has no keywords in these languages: the summarize handler marks such a document 'no theme'");
        summaries.Themes.ShouldAllBe(t => t.Sentences.Count > 0);
        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(40)).ShouldNotBeEmpty();
    }
}

/// <summary>Short news items in Chinese, Arabic and Russian written for these tests: a title and four or five sentences.</summary>
internal static class OtherScriptNews
{
    public static (string Title, string[] Sentences) For(string language) => language switch
    {
        "zh" => (ChineseNews.Title, ChineseNews.Sentences),
        "ar" => ("افتتاح مركز جديد للبيانات في دبي",
        [
            "أعلنت حكومة دبي يوم الاثنين عن افتتاح مركز جديد للبيانات في المدينة.",
            "ويهدف المشروع إلى دعم الشركات الناشئة في مجال الذكاء الاصطناعي.",
            "هل تستطيع شبكة الكهرباء تحمل هذا الاستهلاك الكبير؟",
            "يقول المسؤولون إن المركز سيعتمد على الطاقة الشمسية بالكامل.",
        ]),
        "ru" => ("В Москве открылся новый центр обработки данных",
        [
            "В понедельник в Москве открылся новый центр обработки данных.",
            "Он будет обслуживать банки, университеты и молодые технологические компании.",
            "Смогут ли городские электросети выдержать такую нагрузку?",
            "Власти обещают, что центр будет использовать энергию ветра и солнца.",
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No sample in this language."),
    };
}

/// <summary>
/// A document made only of headings (an outline: every block of a DOCX, Markdown or HTML file a heading) has text
/// but no body sentence, and only body sentences were ranked: it got no theme and no summary at all. Its headings
/// now stand in for its body.
/// </summary>
public sealed class A_document_of_headings_only_is_summarized_by_its_headings
{
    private static readonly string[] Headings = ["Deux milliards pour l’industrie", "Les syndicats réclament des garanties", "Vote du texte prévu au printemps"];

    [Theory]
    [InlineData("plan.md", "# Plan de relance\n\n## {0}\n\n## {1}\n\n## {2}\n")]
    [InlineData("plan.html", "<html><body><h1>Plan de relance</h1><h2>{0}</h2><h2>{1}</h2><h2>{2}</h2></body></html>")]
    public void Its_theme_and_generic_summaries_are_its_best_headings(string name, string format)
    {
        var document = DocumentReading.ReadText(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Headings[0], Headings[1], Headings[2]));
        document.Blocks.ShouldAllBe(b => b.Kind == BlockKind.Title || b.Kind == BlockKind.Heading);

        // "syndicats" is a keyword of the sample taxonomy: that theme gets the heading that names it.
        var themes = ThemeSamples.Summarize(document).Themes;
        themes.ShouldNotBeEmpty();
        themes.ShouldAllBe(t => t.Sentences.Count > 0 && t.Sentences.All(s => Headings.Contains(s.Text)));
        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(2)).Count.ShouldBe(2);
        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(12)).ShouldAllBe(s => Headings.Contains(s.Text));
    }

    [Fact]
    public void A_document_that_is_only_its_title_is_summarized_by_it()
    {
        var document = DocumentReading.ReadText("plan.md", "# Plan de relance pour l’industrie\n");

        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(3)).ShouldHaveSingleItem().Text.ShouldBe("Plan de relance pour l’industrie");
        ThemeSamples.Summarize(document).Themes.ShouldHaveSingleItem().Sentences.ShouldHaveSingleItem().Text.ShouldBe("Plan de relance pour l’industrie");
    }
}
