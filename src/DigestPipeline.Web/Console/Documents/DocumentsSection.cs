using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Removal;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web.Console.Documents;

/// <summary>
/// The console's documents: the list (<c>documents</c>: filters, search, pages), one document (<c>documents/{id}</c>:
/// structure, themes, the text with a theme's summary highlighted, or why an upload was refused) and its removal
/// (<c>POST documents/{id}/remove</c>, what <c>digest remove</c> does).
/// </summary>
internal sealed class DocumentsSection(
    DocumentListSnapshot snapshot,
    IDocumentRecords records,
    IDocumentStore documents,
    ISummaryStore summaries,
    ThemeTaxonomy taxonomy,
    RemoveDocumentHandler remover) : IConsoleSection
{
    private const string Section = "documents";
    /// <summary>The console is in English: theme labels in English, else the theme's first.</summary>
    private const string LabelLanguage = "en";

    public void Map(ConsoleRoutes routes) => routes
        .Get("documents", ListAsync)
        .Get("documents/{id}", ShowAsync)
        .Post("documents/{id}/remove", RemoveAsync);

    private async Task<IResult> ListAsync(ConsoleRequest request)
    {
        var text = ConsoleRequest.Text;
        var filter = DocumentListFilter.From(request);
        var rows = await snapshot.GetAsync(request.Aborted);
        var matches = filter.Apply(rows);
        var pages = Math.Max(1, (matches.Count + DocumentListFilter.PageSize - 1) / DocumentListFilter.PageSize);
        var page = Math.Min(filter.Page, pages);

        // Only a document the table says is removed: the parameter comes from a URL anyone can write.
        var removed = request.Query("removed") is { } removedId && rows.FirstOrDefault(r => r.Record.Id == removedId)?.Record is { Status: DocumentStatus.Removed } gone
            ? text.Format("RemovedFormat", Name(gone), gone.Id)
            : "";

        var view = new DocumentListView(
            removed,
            [new("", text.Get("AnyState"), filter.State is null), .. Enum.GetNames<DocumentStatus>().Select(s => new OptionView(s, s, string.Equals(s, filter.State, StringComparison.OrdinalIgnoreCase)))],
            [new("", text.Get("AnyTheme"), filter.Theme is null),
             .. taxonomy.Themes.Select(t => new OptionView(t.Id, t.Label(LabelLanguage), t.Id == filter.Theme)),
             new(DocumentListFilter.NoTheme, text.Get("NoThemeNotDelivered"), filter.Theme == DocumentListFilter.NoTheme)],
            [new("", text.Get("AnyLanguage"), filter.Language is null),
             .. rows.Select(r => r.Record.Language).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                 .Select(l => new OptionView(l, l, string.Equals(l, filter.Language, StringComparison.OrdinalIgnoreCase)))],
            filter.Search ?? "",
            text.Plural("DocumentsMatch", matches.Count),
            text.Format("PageOfFormat", page, pages),
            matches.Skip((page - 1) * DocumentListFilter.PageSize).Take(DocumentListFilter.PageSize).Select(r => Row(r.Record)).ToList(),
            page > 1 ? "/console/documents" + filter.QueryFor(page - 1) : "",
            page < pages ? "/console/documents" + filter.QueryFor(page + 1) : "");
        return await request.PageAsync("documents", view, text.Get("DocumentsTitle"), Section);
    }

    private async Task<IResult> ShowAsync(ConsoleRequest request)
    {
        var text = ConsoleRequest.Text;
        var id = request.Route("id");
        var record = await records.GetRecordAsync(id, request.Aborted);
        if (record is null)
            return await request.MessageAsync(StatusCodes.Status404NotFound, text.Get("NoSuchDocumentTitle"), text.Format("NoSuchDocumentFormat", id));

        // A refused upload never had a text, a removed document no longer has one.
        var document = record.Status is DocumentStatus.Rejected or DocumentStatus.Removed ? null : await documents.GetAsync(id, request.Aborted);
        var summarized = document is null ? null : await summaries.GetAsync(id, request.Aborted);
        var themes = summarized?.Themes ?? [];
        var chosen = request.Query("theme") is { } wanted && themes.Any(t => t.ThemeId == wanted) ? wanted : null;
        var url = "/console/documents/" + Uri.EscapeDataString(id);
        var highlighted = themes.Where(t => chosen is null || t.ThemeId == chosen).ToList();
        var ranges = highlighted.SelectMany(t => t.Sentences)
            .Select(s => new CitedRange(s.Start, s.Start + s.Length))
            .Where(r => document is not null && r.Start >= 0 && r.Start < r.End && r.End <= document.Text.Length)
            .ToList();

        var view = new DocumentPageView(
            id,
            record.Status.ToString(),
            record.Language ?? document?.Language ?? "",
            record.SourceName,
            document?.SourceUrl is { Scheme: "http" or "https" } source ? source.AbsoluteUri : "",
            document is null ? "" : Time(document.ReceivedAt),
            Time(record.UpdatedAt),
            summarized is null ? "" : Time(summarized.SummarizedAt),
            record.Status == DocumentStatus.Rejected,
            record.Reason ?? "",
            record.Status == DocumentStatus.Removed,
            record.NoTheme,
            document is not null,
            document?.Sections.Select(s => new SectionView(s.Heading, Blocks(document, s.Index))).ToList() ?? [],
            themes.Select(t => new ThemeView(
                t.Label(LabelLanguage),
                t.Discovered,
                t.Score.ToString("0.00", CultureInfo.InvariantCulture),
                t.KeyPhrases,
                t.Sentences.Select(s => s.IsClause ? s.Text + "…" : s.Text).ToList(),
                url + "?theme=" + Uri.EscapeDataString(t.ThemeId),
                t.ThemeId == chosen)).ToList(),
            url,
            chosen is null,
            chosen is null ? text.Get("HighlightedAll") : text.Format("HighlightedThemeFormat", highlighted[0].Label(LabelLanguage)),
            document is null ? [] : SubscriberPageHtml.MarkedParts(document.Text, ranges),
            url + "/remove");
        return await request.PageAsync("document", view, Name(record), Section);
    }

    private async Task<IResult> RemoveAsync(ConsoleRequest request)
    {
        var id = request.Route("id");
        if (await remover.RemoveAsync(id, request.Aborted) is null)
        {
            var text = ConsoleRequest.Text;
            return await request.MessageAsync(StatusCodes.Status404NotFound, text.Get("NoSuchDocumentTitle"), text.Format("NoSuchDocumentFormat", id));
        }

        // The list must not show the document as it was, whatever the snapshot's age.
        snapshot.Invalidate();
        return request.SeeOther("documents?removed=" + Uri.EscapeDataString(id));
    }

    private DocumentRowView Row(DocumentRecord record) => new(
        record.Id,
        "/console/documents/" + Uri.EscapeDataString(record.Id),
        Name(record),
        record.Status.ToString(),
        record.Status == DocumentStatus.Rejected ? record.Reason ?? "" : "",
        record.Language ?? "",
        record.NoTheme ? [] : record.Themes?.Select(t => taxonomy.Find(t)?.Label(LabelLanguage) ?? t).ToList() ?? [],
        record.NoTheme,
        record.SourceName,
        Time(record.UpdatedAt));

    /// <summary>The title, or the name it was uploaded under when it has none (a rejected upload, a document not yet read).</summary>
    private static string Name(DocumentRecord record) => string.IsNullOrWhiteSpace(record.Title) ? record.SourceName : record.Title;

    private static string Blocks(SourceDocument document, int section)
    {
        var text = ConsoleRequest.Text;
        var counts = document.Blocks.Where(b => b.SectionIndex == section && b.Kind is BlockKind.Paragraph or BlockKind.ListItem)
            .GroupBy(b => b.Kind)
            .OrderBy(g => g.Key)
            .Select(g => text.Plural(g.Key == BlockKind.Paragraph ? "Paragraphs" : "ListItems", g.Count()));
        return string.Join(", ", counts);
    }

    /// <summary>UTC, ISO-like, to the second (<c>2026-12-06 23:01:49Z</c>): also a valid HTML <c>datetime</c>.</summary>
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
}
