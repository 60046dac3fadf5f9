namespace DigestPipeline.Web.Console.Themes;

/// <summary>One day's bar: its day (UTC, <c>yyyy-MM-dd</c>), count and rectangle (numbers written with a '.' whatever the culture).</summary>
/// <param name="Title">What the bar says on hover and to a screen reader ("2026-12-06: 3 documents").</param>
internal sealed record ThemeBarView(string Day, int Count, string X, string Y, string Width, string Height, string Title);
