using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// In the seed article, "Les avancées évoquées :" and "Ce mouvement est porté par quatre facteurs :" announce bullet
/// lists: the health summary carries its list with its introduction, never a lone bullet. (The physical-AI one no longer
/// shows its list: "Ce mouvement" needs the sentence before it, and the two with the list do not fit the theme's budget.)
/// </summary>
public sealed class Seed_lists_travel_with_their_introduction
{
    [Theory]
    [InlineData("health", "Les avancées évoquées :", "médecine prédictive intégrée.")]
    public void The_list_is_summarised_whole_after_its_introduction(string themeId, string introduction, string lastItem)
    {
        var document = ThemeSamples.ReadSeedArticle();
        var theme = ThemeSamples.Summarize(document).Themes.Single(t => t.ThemeId == themeId);

        var withList = theme.Sentences.Where(s => s.Text.StartsWith(introduction, StringComparison.Ordinal)).ShouldHaveSingleItem();
        withList.Text.ShouldEndWith(lastItem);
        withList.Text.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4);
        theme.Sentences.ShouldNotContain(s => s.Text.StartsWith("• ", StringComparison.Ordinal) || char.IsLower(s.Text[0]));
    }
}
