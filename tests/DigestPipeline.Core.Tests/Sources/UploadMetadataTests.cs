using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>An item's origin survives blob metadata, which allows ASCII only.</summary>
public sealed class UploadMetadataTests
{
    [Fact]
    public void Title_link_author_date_and_id_round_trip_through_ascii_metadata()
    {
        var origin = new UploadMetadata("Sommet de l’IA : « un tournant »", new Uri("https://example.org/a?x=1&y=é"), "Zoë", new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(1)),
            "0123456789abcdef0123456789abcdef");

        var metadata = origin.ToBlobMetadata();

        metadata.Values.ShouldAllBe(v => v.All(c => c < 128));
        var read = UploadMetadata.Read(metadata);
        read.Title.ShouldBe(origin.Title);
        read.Link.ShouldBe(origin.Link);
        read.Author.ShouldBe("Zoë");
        read.Published.ShouldBe(origin.Published);
        read.ItemId.ShouldBe(origin.ItemId);
    }

    [Fact]
    public void Long_non_ascii_values_are_cut_to_keep_the_metadata_under_azure_s_8_kb()
    {
        var chinese = string.Concat(Enumerable.Repeat("上海新建人工智能计算中心😀", 60));
        var origin = new UploadMetadata(chinese, new Uri("https://example.org/" + string.Concat(Enumerable.Repeat("%E4%B8%8A", 300))), chinese, DateTimeOffset.UnixEpoch,
            "0123456789abcdef0123456789abcdef");

        var metadata = origin.ToBlobMetadata();

        metadata.Sum(p => p.Key.Length + p.Value.Length).ShouldBeLessThan(7 * 1024);
        var read = UploadMetadata.Read(metadata);
        read.Title.ShouldNotBeNull();
        chinese.ShouldStartWith(read.Title);
        read.Title.Length.ShouldBeGreaterThan(100);
        read.Link.ShouldBeNull("a link too long to carry is left out, never cut into another address");
    }

    [Fact]
    public void Values_out_of_shape_are_ignored_not_fatal()
    {
        var read = UploadMetadata.Read(new Dictionary<string, string> { ["link"] = "javascript%3Aalert(1)", ["itemid"] = "..%2F..%2Fx", ["published"] = "soon" });

        read.Published.ShouldBeNull();
        read.Link.ShouldBeNull();
        read.ItemId.ShouldBeNull();
    }
}
