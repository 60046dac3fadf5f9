namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Collects the blocks an extractor finds in a binary or markup format, each cleaned as text uploads are
/// (characters normalised, whitespace collapsed to one line), empty ones dropped; and checks the time budget.
/// </summary>
internal sealed class BlockDraftCollector(ReadBudget budget)
{
    public List<BlockDraft> Drafts { get; } = [];

    public ReadBudget Budget { get; } = budget;

    public void Add(BlockKind kind, string rawText, string? marker = null)
    {
        Budget.ThrowIfExceeded();
        if (kind == BlockKind.Title && Drafts.Count > 0) kind = BlockKind.Heading;
        var text = Clean(rawText);
        if (text.Length > 0) Drafts.Add(new BlockDraft(kind, text, kind == BlockKind.ListItem ? marker ?? DocumentLayout.BulletMarker : null));
    }

    public static string Clean(string rawText) => TextNormaliser.CollapseSpaces(TextNormaliser.NormaliseCharacters(rawText, keepTabs: false));

    /// <summary>
    /// The first block becomes the title when it is a heading; else <paramref name="declaredTitle"/> (a document
    /// property, an HTML &lt;title&gt;) is the title. The paragraph after the title is the standfirst when short.
    /// </summary>
    public (List<BlockDraft> Blocks, string? Title) Finish(string? declaredTitle, bool firstHeadingIsTitle)
    {
        string? title = null;
        if (Drafts.Count > 0 && Drafts[0] is { Kind: BlockKind.Heading or BlockKind.Title } top && (firstHeadingIsTitle || top.Kind == BlockKind.Title))
        {
            title = top.Text;
            Drafts[0] = top with { Kind = BlockKind.Title };
        }
        else
        {
            var declared = declaredTitle is null ? "" : Clean(declaredTitle);
            if (declared.Length > 0) title = declared;
        }

        DocumentLayout.MarkStandfirst(Drafts);
        return (Drafts, title);
    }
}
