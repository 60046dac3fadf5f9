using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Web.Console.Documents;

/// <summary>
/// What the list's GET form asks for: a state, a theme (or <see cref="NoTheme"/>), a language, words of the title or
/// source name (case and accents aside), and a page of <see cref="PageSize"/>. Values it does not know select nothing
/// rather than fail: they come from a URL.
/// </summary>
internal sealed record DocumentListFilter(string? State, string? Theme, string? Language, string? Search, int Page)
{
    public const int PageSize = 50;

    /// <summary>The theme filter's value for the documents that matched no theme of the taxonomy.</summary>
    public const string NoTheme = "none";

    public static DocumentListFilter From(ConsoleRequest request) => new(
        request.Query("state"),
        request.Query("theme"),
        request.Query("language"),
        request.Query("q")?.Trim() is { Length: > 0 } q ? q : null,
        int.TryParse(request.Query("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1);

    /// <summary>The rows that match, in the snapshot's order. Removed documents show only when their state is asked for.</summary>
    public List<ListedDocument> Apply(IReadOnlyList<ListedDocument> rows)
    {
        var folded = Search is null ? null : TextFolding.Fold(Search);
        var matches = new List<ListedDocument>();
        foreach (var row in rows)
        {
            var record = row.Record;
            if (State is null ? record.Status == DocumentStatus.Removed : !string.Equals(record.Status.ToString(), State, StringComparison.OrdinalIgnoreCase))
                continue;
            if (Theme is not null && !(Theme == NoTheme ? record.NoTheme : record.Themes?.Contains(Theme, StringComparer.Ordinal) == true))
                continue;
            if (Language is not null && !string.Equals(record.Language, Language, StringComparison.OrdinalIgnoreCase))
                continue;
            if (folded is not null && !row.SearchText.Contains(folded, StringComparison.Ordinal))
                continue;
            matches.Add(row);
        }

        return matches;
    }

    /// <summary>This filter's query string for another page (<c>?state=…&amp;page=2</c>), empty values left out.</summary>
    public string QueryFor(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }

        Add("state", State);
        Add("theme", Theme);
        Add("language", Language);
        Add("q", Search);
        if (page > 1)
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
