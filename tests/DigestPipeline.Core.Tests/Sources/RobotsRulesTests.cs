using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>robots.txt as RFC 9309 reads it: our group else <c>*</c>, the longest rule deciding, Allow winning a tie.</summary>
public sealed class RobotsRulesTests
{
    private const string Robots = """
        # A site that keeps crawlers out of its drafts
        User-agent: *
        Disallow: /drafts/
        Disallow: /search
        Allow: /drafts/published/
        Disallow: /*.pdf$

        User-agent: OtherBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/feed.xml", true)]
    [InlineData("/drafts/one.html", false)]
    [InlineData("/drafts/published/one.html", true)]
    [InlineData("/search?q=ai", false)]
    [InlineData("/report.pdf", false)]
    [InlineData("/report.pdf.html", true)]
    public void The_star_group_applies_when_none_names_us(string path, bool allowed) =>
        RobotsRules.Parse(Robots, "DigestPipeline").IsAllowed(path).ShouldBe(allowed);

    [Fact]
    public void A_group_naming_our_product_token_replaces_the_star_group()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: digestpipeline\nDisallow: /private/\n", "DigestPipeline");

        rules.IsAllowed("/feed.xml").ShouldBeTrue();
        rules.IsAllowed("/private/x").ShouldBeFalse();
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        var rules = RobotsRules.Parse("User-agent: a\nUser-agent: DigestPipeline\nDisallow: /x\n", "DigestPipeline");

        rules.IsAllowed("/x/1").ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("User-agent: *\nDisallow:\n")]
    [InlineData("garbage without fields")]
    public void No_rule_or_an_empty_disallow_allows_everything(string text) =>
        RobotsRules.Parse(text, "DigestPipeline").IsAllowed("/anything").ShouldBeTrue();
}
