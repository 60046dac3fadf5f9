using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// Text in another script than Latin is detected by its script, not forced into one of the seven Latin-script
/// languages (or left unknown, so that nothing downstream knew what it was reading).
/// </summary>
public sealed class Other_scripts_are_detected_by_their_script
{
    [Theory]
    [InlineData("zh", "上海市政府周一宣布，将在浦东新区建设一座新的人工智能计算中心。该中心预计明年投入使用，可为本地企业和高校提供算力支持。")]
    [InlineData("ja", "東京都は月曜日、新しいデータセンターを建設すると発表した。完成は来年の予定だ。")]
    [InlineData("ko", "서울시는 월요일 새로운 데이터 센터를 건설한다고 발표했다. 이 센터는 내년에 문을 열 예정이다.")]
    [InlineData("ar", "أعلنت حكومة دبي يوم الاثنين عن افتتاح مركز جديد للبيانات في المدينة. ويهدف المشروع إلى دعم الشركات الناشئة.")]
    [InlineData("ru", "В понедельник в Москве открылся новый центр обработки данных. Он будет обслуживать банки и университеты.")]
    [InlineData("el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα την κατασκευή ενός νέου κέντρου δεδομένων στην Αθήνα.")]
    [InlineData("he", "הממשלה הודיעה ביום שני על הקמת מרכז נתונים חדש בתל אביב.")]
    public void A_text_in_another_script_is_detected_as_its_language(string expected, string text)
    {
        LanguageDetector.Detect(text).ShouldBe(expected);
        LanguageDetector.ScriptLanguages.ShouldContain(expected);
    }

    [Fact]
    public void A_chinese_text_naming_latin_brands_is_still_chinese()
    {
        LanguageDetector.Detect("美国公司OpenAI和英伟达（NVIDIA）宣布合作，此举在科技行业引起了广泛关注。").ShouldBe("zh");
    }

    [Fact]
    public void A_chinese_text_quoting_a_japanese_brand_in_katakana_is_still_chinese()
    {
        LanguageDetector.Detect("日本公司ソニー今天在北京发布了一款新型机器人，售价约为五千元人民币。该机器人主要用于养老院和医院。").ShouldBe("zh");
    }

    [Fact]
    public void A_french_text_quoting_a_chinese_word_is_still_french()
    {
        LanguageDetector.Detect("Le mot chinois 人工智能 désigne l’intelligence artificielle, et les entreprises de Shenzhen l’emploient partout dans leurs publicités.")
            .ShouldBe("fr");
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("Москва")]
    public void A_few_letters_of_a_script_are_too_little_to_tell(string text)
    {
        LanguageDetector.Detect(text).ShouldBe(LanguageDetector.Unknown);
    }
}
