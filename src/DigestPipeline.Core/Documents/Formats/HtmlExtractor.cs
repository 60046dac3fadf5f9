using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Reads an HTML page with AngleSharp (no scripts run, nothing fetched). What is not the document is dropped
/// (script, style, nav, header, footer, aside, iframe, noscript, template, forms and embedded objects); headings,
/// paragraphs and list items (any depth) are kept. The first <c>h1</c> at the top is the title, else &lt;title&gt;.
/// </summary>
internal static class HtmlExtractor
{
    /// <summary>Deeper markup is read as the plain text of its subtree (no recursion past it).</summary>
    public const int MaxDepth = 200;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "nav", "header", "footer", "aside", "iframe", "noscript", "template",
        "form", "object", "embed", "svg", "canvas", "button", "select", "textarea", "head", "frameset", "frame", "audio", "video",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "menu",
    };

    /// <summary>Blocks, and the dropped sections of a page; a dropped inline element (a script in a paragraph) leaves the paragraph whole.</summary>
    private static bool IsBlockBoundary(string name) => Blocks.Contains(name) || name is "nav" or "header" or "footer" or "aside" or "form";

    /// <summary>
    /// A page of more start tags than this many times <see cref="DocumentReaderOptions.MaxBlocks"/> is refused (by
    /// default 200,000: ten times a long encyclopaedia article's page). AngleSharp's tree takes up to about 700 bytes
    /// per start tag (the element and the text around it), so 200,000 take about 140 MB.
    /// </summary>
    public const int ElementsPerBlock = 2;

    /// <remarks>
    /// AngleSharp parses the whole page into a tree before it is walked, so a page of
    /// more than <see cref="ElementsPerBlock"/> × <see cref="DocumentReaderOptions.MaxBlocks"/> start tags is refused
    /// before it is parsed; the walk checks the budget every few hundred nodes, also inside one block's text.
    /// </remarks>
    public static (List<BlockDraft> Blocks, string? Title) Read(string html, DocumentReaderOptions options, ReadBudget budget)
    {
        var maxElements = (long)ElementsPerBlock * options.MaxBlocks;
        if (CountStartTags(html, maxElements) > maxElements)
        {
            throw new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                $"'{budget.SourceName}' holds more than {maxElements:N0} HTML elements; that is the limit for one page."));
        }

        var document = new HtmlParser().ParseDocument(html);
        budget.ThrowIfExceeded();
        var collector = new BlockDraftCollector(budget, options);
        if (document.Body is { } body) VisitContainer(body, collector, depth: 0);
        return collector.Finish(document.Title, firstHeadingIsTitle: false);
    }

    /// <summary>"&lt;" followed by a letter, counted up to one past <paramref name="limit"/>: at least the elements the parser makes from the markup.</summary>
    private static long CountStartTags(string html, long limit)
    {
        var count = 0L;
        for (var at = html.IndexOf('<'); at >= 0 && at + 1 < html.Length; at = html.IndexOf('<', at + 1))
        {
            if (char.IsAsciiLetter(html[at + 1]) && ++count > limit) break;
        }

        return count;
    }

    /// <summary>Inline content between blocks becomes a paragraph; each block child is read for what it is.</summary>
    private static void VisitContainer(IElement container, BlockDraftCollector collector, int depth)
    {
        var pending = new StringBuilder();
        foreach (var child in container.ChildNodes)
        {
            if (child is IElement element && IsBlockBoundary(element.LocalName))
            {
                collector.Add(BlockKind.Paragraph, pending.ToString());
                pending.Clear();
                VisitBlock(element, collector, depth + 1);
            }
            else
            {
                AppendText(child, pending, collector.Budget);
            }
        }

        collector.Add(BlockKind.Paragraph, pending.ToString());
    }

    private static void VisitBlock(IElement element, BlockDraftCollector collector, int depth)
    {
        var name = element.LocalName;
        if (Dropped.Contains(name)) return;
        if (depth > MaxDepth)
        {
            collector.Add(BlockKind.Paragraph, TextOf(element, collector.Budget));
            return;
        }

        switch (name)
        {
            case "h1" when collector.Drafts.Count == 0:
                collector.Add(BlockKind.Title, TextOf(element, collector.Budget));
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                collector.Add(BlockKind.Heading, TextOf(element, collector.Budget));
                break;
            case "ul" or "ol" or "menu":
                VisitList(element, collector, depth);
                break;
            case "li":
                VisitListItem(element, DocumentLayout.BulletMarker, collector, depth);
                break;
            case "hr":
                break;
            default:
                VisitContainer(element, collector, depth);
                break;
        }
    }

    private static void VisitList(IElement list, BlockDraftCollector collector, int depth)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var child in list.Children)
        {
            collector.Budget.Step();
            if (child.LocalName != "li")
            {
                VisitBlock(child, collector, depth + 1);
                continue;
            }

            var marker = ordered ? string.Create(CultureInfo.InvariantCulture, $"{number++}. ") : DocumentLayout.BulletMarker;
            VisitListItem(child, marker, collector, depth + 1);
        }
    }

    /// <summary>An item's own text is one block; a list nested in it follows as items of their own.</summary>
    private static void VisitListItem(IElement item, string marker, BlockDraftCollector collector, int depth)
    {
        var own = new StringBuilder();
        var nested = new List<IElement>();
        foreach (var child in item.ChildNodes)
        {
            if (child is IElement element && IsBlockBoundary(element.LocalName) && element.LocalName is not ("p" or "div"))
                nested.Add(element);
            else
                AppendText(child, own, collector.Budget);
        }

        collector.Add(BlockKind.ListItem, own.ToString(), marker);
        foreach (var element in nested) VisitBlock(element, collector, depth + 1);
    }

    private static string TextOf(INode node, ReadBudget budget)
    {
        var builder = new StringBuilder();
        AppendText(node, builder, budget);
        return builder.ToString();
    }

    /// <summary>The text of a node without what is dropped; line breaks and block boundaries become spaces. Iterative: any depth.</summary>
    private static void AppendText(INode node, StringBuilder builder, ReadBudget budget)
    {
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            budget.Step();
            var current = stack.Pop();
            switch (current)
            {
                case IText text:
                    builder.Append(text.Data);
                    continue;
                case IElement element when Dropped.Contains(element.LocalName):
                    continue;
                case IElement element when element.LocalName is "br" || Blocks.Contains(element.LocalName):
                    builder.Append(' ');
                    break;
            }

            for (var i = current.ChildNodes.Length - 1; i >= 0; i--) stack.Push(current.ChildNodes[i]);
        }
    }
}
