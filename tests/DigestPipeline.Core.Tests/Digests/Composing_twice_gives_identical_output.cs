using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Composing_twice_gives_identical_output
{
    [Fact]
    public void Same_content_gives_the_same_subject_html_and_text()
    {
        var first = DigestSamples.Compose(DigestSamples.Content());
        var second = DigestSamples.Compose(DigestSamples.Content());

        second.ShouldBe(first);
    }

    [Fact]
    public void Parallel_compositions_agree()
    {
        var composer = DigestSamples.Composer();
        var expected = composer.Compose(DigestSamples.Content("en"), DigestSamples.DeliveryId);

        var results = Enumerable.Range(0, 32).AsParallel().Select(_ => composer.Compose(DigestSamples.Content("en"), DigestSamples.DeliveryId)).ToList();

        results.ShouldAllBe(result => result == expected);
    }
}
