using System.Text.RegularExpressions;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// A cited sentence that carries the list it announces ("Les avancées évoquées :" and its bullets, see
/// Summaries/IntroducedList) is shown as its introduction and the items as a list, not run together on one line.
/// </summary>
internal static partial class CitedList
{
    /// <returns>The introduction and the items (bullet markers removed, ordered numbers kept); no items for a plain sentence.</returns>
    public static (string Introduction, IReadOnlyList<string> Items) Split(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var firstItem = Array.FindIndex(lines, IsItem);
        if (firstItem <= 0 || !lines[firstItem..].All(IsItem))
            return (DigestText.SingleLine(text), []);

        var introduction = DigestText.SingleLine(string.Join(' ', lines[..firstItem]));
        var items = lines[firstItem..].Select(line => DigestText.SingleLine(
            line.StartsWith(DocumentLayout.BulletMarker, StringComparison.Ordinal) ? line[DocumentLayout.BulletMarker.Length..] : line)).ToList();
        return (introduction, items);
    }

    private static bool IsItem(string line) =>
        line.StartsWith(DocumentLayout.BulletMarker, StringComparison.Ordinal) || OrderedMarker().IsMatch(line);

    [GeneratedRegex(@"^\d{1,3}[.)] ")]
    private static partial Regex OrderedMarker();
}
