namespace DigestPipeline.Web.Console.Themes;

/// <summary>
/// A theme's documents per day as an SVG bar chart drawn on the server: the geometry is computed here (a bar per day,
/// its height in proportion to the busiest day), the template writes it, every value encoded by the engine.
/// </summary>
/// <param name="Summary">The chart's accessible name and caption: the total, the days, the busiest day.</param>
/// <param name="Width">The viewBox's width and <paramref name="Height"/> its height (user units).</param>
internal sealed record ThemeChartView(int Total, int Max, string Summary, int Width, int Height, IReadOnlyList<ThemeBarView> Bars);
