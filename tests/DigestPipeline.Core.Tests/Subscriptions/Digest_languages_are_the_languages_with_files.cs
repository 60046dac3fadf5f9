using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Subscriptions;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscriptions;

/// <summary>
/// The languages offered for a digest come from the resource files built, not from a list in the code: adding a
/// language is adding its files.
/// </summary>
public sealed class Digest_languages_are_the_languages_with_files
{
    [Fact]
    public void A_catalog_knows_its_languages_from_the_satellite_assemblies_beside_it()
    {
        DigestLabels.Catalog.Languages.ShouldBe(["en", "fr"]);
        SubscriptionMail.Catalog.Languages.ShouldBe(["en", "fr"]);
        LanguageNames.Catalog.Languages.ShouldBe(["en", "fr"]);
    }

    [Fact]
    public void A_digest_language_needs_both_the_digests_words_and_the_sign_up_mails()
    {
        DigestLanguages.Supported.ShouldBe(["en", "fr"]);
        DigestLanguages.Default.ShouldBe("en");
        DigestLanguages.IsSupported("fr").ShouldBeTrue();
        DigestLanguages.IsSupported("de").ShouldBeFalse("German has no digest words yet");
        DigestLanguages.IsSupported("fr-CA").ShouldBeFalse("a language is chosen by its primary tag");
        DigestLanguages.IsSupported(null).ShouldBeFalse();
    }
}
