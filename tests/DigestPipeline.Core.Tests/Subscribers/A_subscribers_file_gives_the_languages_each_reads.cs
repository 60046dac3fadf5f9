using System.Text;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

/// <summary>
/// <c>seeds/subscribers.json</c>'s <c>readingLanguages</c>: the languages read besides the digest's, stored once each
/// without it; none when absent; a code the detector does not know stops the import with the entry named.
/// </summary>
public sealed class A_subscribers_file_gives_the_languages_each_reads
{
    private static readonly DateTimeOffset Now = new(2025, 5, 5, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reading_languages_are_kept_once_each_in_the_detectors_order_without_the_digest_language()
    {
        var subscribers = Read("""
            {"subscribers": [
              {"email": "a@example.org", "language": "fr", "themes": ["health"], "readingLanguages": ["de", "EN", "fr", "en-GB"]},
              {"email": "b@example.org", "language": "en", "themes": ["health"]}
            ]}
            """);

        subscribers[0].AlsoReads.ShouldBe(["en", "de"]);
        subscribers[0].Reads("de").ShouldBeTrue();
        subscribers[0].Reads("es").ShouldBeFalse();
        subscribers[1].AlsoReads.ShouldBeEmpty();
        subscribers[1].Reads("en-US").ShouldBeTrue();
        subscribers[1].Reads("fr").ShouldBeFalse();
    }

    [Fact]
    public void A_language_the_detector_does_not_know_is_refused_with_the_entry_named()
    {
        var error = Should.Throw<InvalidDataException>(() => Read("""
            {"subscribers": [{"email": "c@example.org", "language": "en", "themes": ["health"], "readingLanguages": ["fr", "zz"]}]}
            """));

        error.Message.ShouldBe("subscribers[0] (c@example.org): reading languages zz are not among fr, en, de, es, it, pt, nl.");
    }

    private static IReadOnlyList<Subscriber> Read(string json) =>
        SubscriberFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), ThemeSamples.SeedTaxonomy(), Now, DigestLanguages.Supported);
}
