using System.Globalization;
using DigestPipeline.Core.Localization;

namespace DigestPipeline.Web.Console.Themes;

/// <summary>
/// Draws a theme's documents per day (<see cref="ThemeChartView"/>): one bar per day, left to right, oldest first, its
/// height the day's count in proportion to the busiest day's (a day without documents has a bar of height 0 on the
/// axis). Sizes are viewBox units: the stylesheet scales the chart to the page's width.
/// </summary>
internal static class ThemeChart
{
    public const int Step = 10;
    public const int BarWidth = 8;
    public const int Height = 60;

    public static ThemeChartView Draw(string label, DateOnly firstDay, IReadOnlyList<int> counts, CultureText text)
    {
        var total = counts.Sum();
        var max = counts.Count == 0 ? 0 : counts.Max();
        var bars = new List<ThemeBarView>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            var height = max == 0 ? 0 : Math.Round(counts[i] * (double)Height / max, 2);
            var day = Day(firstDay.AddDays(i));
            bars.Add(new ThemeBarView(day, counts[i], Number(i * Step + (Step - BarWidth) / 2.0), Number(Height - height), Number(BarWidth), Number(height),
                text.Format("ThemeBarFormat", day, text.Plural("DocumentCount", counts[i]))));
        }

        var busiest = max == 0 ? "" : " " + text.Format("ThemeBusiestFormat", max, Day(firstDay.AddDays(Enumerable.Range(0, counts.Count).First(i => counts[i] == max))));
        var summary = text.Format("ThemeChartSummaryFormat", label, text.Plural("DocumentCount", total), counts.Count, Day(firstDay), Day(firstDay.AddDays(counts.Count - 1))) + busiest;
        return new ThemeChartView(total, max, summary, counts.Count * Step, Height, bars);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
