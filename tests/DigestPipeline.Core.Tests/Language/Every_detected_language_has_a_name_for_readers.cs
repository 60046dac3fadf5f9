using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// The pages offer, and digests label, every language the detector gives, by its name in the reader's language: a
/// language added to the detector without names would show as its bare code.
/// </summary>
public sealed class Every_detected_language_has_a_name_for_readers
{
    [Fact]
    public void Each_detected_language_is_named_in_french_and_in_english()
    {
        LanguageDetector.Languages.Where(code => !LanguageNames.Has(code)).ShouldBeEmpty();
        LanguageNames.Of("en", "fr").ShouldBe("anglais");
        LanguageNames.Of("nl-BE", "fr-CA").ShouldBe("néerlandais");
        LanguageNames.Of("de", "en").ShouldBe("German");
        LanguageNames.Of("pt", "es").ShouldBe("Portuguese");
        LanguageNames.Of("zh", "en").ShouldBe("ZH");
    }
}
