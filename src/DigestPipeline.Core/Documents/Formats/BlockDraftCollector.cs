using System.Globalization;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Collects the blocks an extractor finds in a binary or markup format, each cleaned as text uploads are
/// (characters normalised, whitespace collapsed to one line), empty ones dropped; checks the time budget; and
/// refuses a document past <see cref="DocumentReaderOptions.MaxBlocks"/> blocks or
/// <see cref="DocumentReaderOptions.MaxCharacters"/> characters, so that what is held stays bounded whatever the
/// package expands to.
/// </summary>
internal sealed class BlockDraftCollector(ReadBudget budget, DocumentReaderOptions options)
{
    private long _characters;

    public List<BlockDraft> Drafts { get; } = [];

    public ReadBudget Budget { get; } = budget;

    public void Add(BlockKind kind, string rawText, string? marker = null)
    {
        Budget.ThrowIfExceeded();
        if (kind == BlockKind.Title && Drafts.Count > 0) kind = BlockKind.Heading;
        var text = Clean(rawText);
        if (text.Length == 0) return;
        if (Drafts.Count >= options.MaxBlocks) throw TooManyBlocks(Budget.SourceName, options.MaxBlocks);
        _characters += text.Length;
        EnsureRoomFor(0);
        Drafts.Add(new BlockDraft(kind, text, kind == BlockKind.ListItem ? marker ?? DocumentLayout.BulletMarker : null));
    }

    /// <summary>
    /// Refuses the document when the blocks collected and <paramref name="pendingCharacters"/> not yet made into
    /// blocks (a paragraph still being read, the lines of the pages read so far) exceed the character cap.
    /// </summary>
    public void EnsureRoomFor(long pendingCharacters)
    {
        if (_characters + pendingCharacters > options.MaxCharacters) throw TooManyCharacters(Budget.SourceName, options.MaxCharacters);
    }

    public static DocumentRejectedException TooManyBlocks(string sourceName, int maxBlocks) =>
        new(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
            $"'{sourceName}' holds more than {maxBlocks:N0} paragraphs, headings and list items; that is the limit for one document."));

    public static DocumentRejectedException TooManyCharacters(string sourceName, long maxCharacters) =>
        new(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
            $"'{sourceName}' holds more than {maxCharacters:N0} characters of text; that is the limit for one document."));

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
