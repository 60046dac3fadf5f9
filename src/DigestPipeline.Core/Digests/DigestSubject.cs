namespace DigestPipeline.Core.Digests;

/// <summary>
/// The subject line of a digest: localized, naming the largest themes (by item count) that fit whole, the others
/// counted, and the number of new items, e.g. <c>Votre digest : Santé, Énergie et calcul et 1 autre (6 nouveautés)</c>.
/// Always one line, at most <see cref="MaxLength"/> characters (text elements): about what a phone's inbox shows
/// before it cuts.
/// </summary>
internal static class DigestSubject
{
    public const int MaxThemes = 3;
    public const int MaxLength = 70;

    public static string For(DigestContent content, DigestLabels labels)
    {
        var themes = content.Themes
            .Select((theme, index) => (theme, index))
            .Where(t => t.theme.Items.Count > 0)
            .OrderByDescending(t => t.theme.Items.Count)
            .ThenBy(t => t.index)
            .Select(t => DigestText.SingleLine(t.theme.Label))
            .Where(label => label.Length > 0)
            .ToList();

        var suffix = $" ({labels.ItemCount(content.ItemCount)})";
        var prefix = DigestText.SingleLine(labels.SubjectPrefix);
        if (themes.Count == 0)
            return DigestText.SingleLine(prefix + suffix);

        var head = DigestText.SingleLine(prefix + labels.SubjectSeparator) + " ";
        string Others(int named) => themes.Count > named ? " " + labels.AndMore(themes.Count - named) : "";
        for (var named = Math.Min(MaxThemes, themes.Count); named >= 1; named--)
        {
            var subject = head + string.Join(labels.ListSeparator, themes.Take(named)) + Others(named) + suffix;
            if (DigestText.Width(subject) <= MaxLength)
                return subject;
        }

        // Not even the largest theme's label fits whole: it is cut.
        var room = MaxLength - DigestText.Width(head + Others(1) + suffix);
        return head + DigestText.Truncate(themes[0], Math.Max(room, 1)) + Others(1) + suffix;
    }
}
