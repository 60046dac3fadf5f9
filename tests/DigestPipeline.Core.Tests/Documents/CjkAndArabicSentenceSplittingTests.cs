using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// Chinese and Japanese sentences end at their own full-width marks, with no space after them; Arabic asks with ؟.
/// Each sentence is an exact range of the source text.
/// </summary>
public sealed class CjkAndArabicSentenceSplittingTests
{
    [Fact]
    public void Chinese_sentences_end_at_their_full_width_marks_without_a_space()
    {
        DocumentReading.SplitParagraph("专家认为，这将有助于缓解芯片短缺。但也有人担心电网的负担！数据中心会不会耗电太多？市政府表示会使用可再生能源。", "zh")
            .ShouldBe(["专家认为，这将有助于缓解芯片短缺。", "但也有人担心电网的负担！", "数据中心会不会耗电太多？", "市政府表示会使用可再生能源。"]);
    }

    [Fact]
    public void A_closing_quotation_mark_stays_with_the_sentence_it_closes()
    {
        DocumentReading.SplitParagraph("他说：“我们一定会成功。”随后他离开了会场。", "zh")
            .ShouldBe(["他说：“我们一定会成功。”", "随后他离开了会场。"]);
    }

    [Fact]
    public void A_japanese_quotation_followed_by_to_goes_on_with_its_sentence()
    {
        DocumentReading.SplitParagraph("完成は来年の予定だ。「本当に電力は足りるのか？」と専門家は問いかけている。", "ja")
            .ShouldBe(["完成は来年の予定だ。", "「本当に電力は足りるのか？」と専門家は問いかけている。"]);
    }

    [Fact]
    public void A_full_width_period_inside_a_number_ends_nothing()
    {
        DocumentReading.SplitParagraph("成長率は３．５％だった．来年も続く見込みだ．", "ja")
            .ShouldBe(["成長率は３．５％だった．", "来年も続く見込みだ．"]);
    }

    [Fact]
    public void Arabic_questions_end_at_the_arabic_question_mark()
    {
        DocumentReading.SplitParagraph("هل تستطيع شبكة الكهرباء تحمل هذا الاستهلاك؟ يقول المسؤولون إن المركز سيعتمد على الطاقة الشمسية.", "ar")
            .ShouldBe(["هل تستطيع شبكة الكهرباء تحمل هذا الاستهلاك؟", "يقول المسؤولون إن المركز سيعتمد على الطاقة الشمسية."]);
    }

    [Fact]
    public void A_read_chinese_document_has_sentences_that_are_exact_ranges_of_its_text()
    {
        var document = DocumentReading.ReadText("shanghai.txt", ChineseNews.Text);

        document.Language.ShouldBe("zh");
        document.SentenceTexts().ShouldBe([ChineseNews.Title, .. ChineseNews.Sentences]);
    }

    [Fact]
    public void Han_and_kana_count_one_word_each_and_index_as_overlapping_pairs()
    {
        WordCount.Of("人工智能 AI 计算").ShouldBe(7);
        Tokenizer.Tokenize("人工智能", StemmerCache.For("zh")).Select(t => (t.Start, t.Length)).ShouldBe([(0, 2), (1, 2), (2, 2)]);
    }
}

/// <summary>A short Chinese news item written for these tests: a title and five sentences ending in 。！？.</summary>
internal static class ChineseNews
{
    public const string Title = "上海新建人工智能计算中心";

    public static readonly string[] Sentences =
    [
        "上海市政府周一宣布，将在浦东新区建设一座新的人工智能计算中心。",
        "该中心预计明年投入使用，可为本地企业和高校提供算力支持。",
        "专家认为，这将有助于缓解芯片短缺带来的压力！",
        "但也有人担心，数据中心的耗电量是否会给电网带来负担？",
        "市政府表示，中心将全部使用可再生能源供电。",
    ];

    public static string Text => Title + "\n\n" + string.Concat(Sentences);
}
