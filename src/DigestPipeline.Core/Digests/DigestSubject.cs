namespace DigestPipeline.Core.Digests;

/// <summary>
/// The subject line of a digest: localized, naming the top themes (by item count) and the number of new items,
/// e.g. <c>Votre digest : Santé, Énergie et calcul, Sécurité nationale (6 nouveautés)</c>. Always one line.
/// </summary>
internal static class DigestSubject
{
    public const int MaxThemes = 3;
    public const int MaxLength = 140;
    private const int MaxThemeLabelLength = 40;

    public static string For(DigestContent content, DigestLabels labels)
    {
        var themes = content.Themes
            .Select((theme, index) => (theme, index))
            .Where(t => t.theme.Items.Count > 0)
            .OrderByDescending(t => t.theme.Items.Count)
            .ThenBy(t => t.index)
            .Select(t => DigestText.Truncate(DigestText.SingleLine(t.theme.Label), MaxThemeLabelLength))
            .Where(label => label.Length > 0)
            .ToList();

        var named = string.Join(labels.ListSeparator, themes.Take(MaxThemes));
        if (themes.Count > MaxThemes)
        {
            named += " " + labels.AndMore(themes.Count - MaxThemes);
        }

        var suffix = $" ({labels.ItemCount(content.ItemCount)})";
        var prefix = DigestText.SingleLine(labels.SubjectPrefix);
        if (named.Length == 0)
        {
            return DigestText.SingleLine(prefix + suffix);
        }

        var head = DigestText.SingleLine(prefix + labels.SubjectSeparator);
        var room = MaxLength - head.Length - 1 - suffix.Length;
        var subject = head + " " + DigestText.Truncate(named, Math.Max(room, 10)) + suffix;
        return DigestText.SingleLine(subject);
    }
}
