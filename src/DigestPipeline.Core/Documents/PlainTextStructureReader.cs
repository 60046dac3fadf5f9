using System.Text;
using DigestPipeline.Core.Documents.Formats;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Finds the structure of a plain-text document (already through <see cref="TextNormaliser.NormaliseCharacters"/>).
/// Blank lines (including lines of only spaces) separate paragraphs; a single line break inside a paragraph is
/// not a break. A line starting with a bullet (•, ·, ▪, ◦, ‣, ●, ■, or -, –, * followed by a space) is a list item;
/// an indented line right after an item continues it. The first line is the title when it fits; the paragraph
/// after it is the standfirst when it is a short lead; a short single-line paragraph without final sentence
/// punctuation (. ! … ; : ,) that starts with no lowercase letter and is followed by text is a heading. Such a line
/// typed right above its text, without a blank line, is a heading too when it is at most two thirds as long as the
/// next line and that line starts with no lowercase letter (the first line of a hard-wrapped paragraph is about as
/// long as the next). A text written one sentence a line (the CNN/DailyMail release: lower-cased, tokenized, no
/// paragraphs) is told from a hard-wrapped one by its line ends (<see cref="LinesAreSentences"/>): then a
/// paragraph keeps its line feeds, and the sentence splitter ends a sentence at each, capital or not. The budget is checked every few hundred lines and blocks, and a text of more than
/// <see cref="DocumentReaderOptions.MaxBlocks"/> blocks is refused as they are found (ten million one-letter
/// paragraphs would otherwise take most of a GB).
/// </summary>
internal static class PlainTextStructureReader
{
    public const int MaxTitleLength = 200;
    public const int MaxHeadingLength = 120;

    /// <summary>A paragraph or list item as a list of trimmed line ranges of the text.</summary>
    private sealed class RawBlock(bool isListItem)
    {
        public bool IsListItem { get; } = isListItem;
        public List<Range> Lines { get; } = new(1);
    }

    /// <returns>The blocks and the title (null when no line fits as a title).</returns>
    public static (List<BlockDraft> Blocks, string? Title) Read(string text, int maxBlocks, ReadBudget budget)
    {
        var raw = SplitBlocks(text, maxBlocks, budget);
        SeparateHeadingLines(text, raw);
        var keepLineFeeds = LinesAreSentences(text, raw);
        var drafts = new List<BlockDraft>(raw.Count + 1);
        string? title = null;
        var first = 0;

        if (raw.Count > 0 && TitleOf(text, raw) is { } foundTitle)
        {
            title = foundTitle;
            drafts.Add(new BlockDraft(BlockKind.Title, title));
            raw[0].Lines.RemoveAt(0);
            if (raw[0].Lines.Count == 0) first = 1;
        }

        var texts = new ReadOnlyMemory<char>[raw.Count];
        var candidates = new bool[raw.Count];
        var builder = new StringBuilder();
        for (var i = first; i < raw.Count; i++)
        {
            budget.Step();
            texts[i] = !raw[i].IsListItem && (keepLineFeeds || IsListOfLines(text, raw[i])) ? JoinLinesKeepingFeeds(text, raw[i].Lines, builder).AsMemory() : JoinLines(text, raw[i].Lines, builder);
            candidates[i] = !raw[i].IsListItem && raw[i].Lines.Count == 1 && IsHeadingLike(texts[i].Span);
        }

        for (var i = first; i < raw.Count; i++)
        {
            if (texts[i].Length == 0) continue;
            if (raw[i].IsListItem)
            {
                drafts.Add(new BlockDraft(BlockKind.ListItem, texts[i], DocumentLayout.BulletMarker));
                continue;
            }

            var followedByText = i + 1 < raw.Count && (raw[i + 1].IsListItem || !candidates[i + 1]);
            var isHeading = candidates[i] && followedByText;
            drafts.Add(new BlockDraft(isHeading ? BlockKind.Heading : BlockKind.Paragraph, texts[i]));
        }

        DocumentLayout.MarkStandfirst(drafts);
        return (drafts, title);
    }

    private static List<RawBlock> SplitBlocks(string text, int maxBlocks, ReadBudget budget)
    {
        var blocks = new List<RawBlock>();
        RawBlock? current = null;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            budget.Step();
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var start = lineStart;
            var end = lineEnd;
            lineStart = lineEnd + 1;

            var lineFirst = start;
            while (start < end && text[start] == ' ') start++;
            var indented = start > lineFirst;
            while (end > start && text[end - 1] == ' ') end--;
            if (start == end)
            {
                current = null;
                continue;
            }

            var bullet = BulletLength(text.AsSpan(start, end - start));
            if (bullet > 0)
            {
                var itemStart = start + bullet;
                while (itemStart < end && text[itemStart] == ' ') itemStart++;
                if (itemStart == end) continue;
                current = new RawBlock(isListItem: true);
                current.Lines.Add(itemStart..end);
                Add(blocks, current, maxBlocks, budget);
                continue;
            }

            if (current is null || (current.IsListItem && !indented))
            {
                current = new RawBlock(isListItem: false);
                Add(blocks, current, maxBlocks, budget);
            }

            current.Lines.Add(start..end);
        }

        return blocks;
    }

    private static void Add(List<RawBlock> blocks, RawBlock block, int maxBlocks, ReadBudget budget)
    {
        if (blocks.Count >= maxBlocks) throw BlockDraftCollector.TooManyBlocks(budget.SourceName, maxBlocks);
        blocks.Add(block);
    }

    /// <summary>Gives a heading line that opens a paragraph (not the first block: <see cref="TitleOf"/> reads that one) a block of its own.</summary>
    private static void SeparateHeadingLines(string text, List<RawBlock> raw)
    {
        for (var i = raw.Count - 1; i >= 1; i--)
        {
            var lines = raw[i].Lines;
            if (raw[i].IsListItem || lines.Count < 2) continue;
            var first = text.AsSpan()[lines[0]];
            var second = text.AsSpan()[lines[1]];
            if (first.Length * 3 > second.Length * 2 || StartsWithLowercase(second) || !IsHeadingLike(TextNormaliser.CollapseSpaces(first))) continue;

            var heading = new RawBlock(isListItem: false);
            heading.Lines.Add(lines[0]);
            lines.RemoveAt(0);
            raw.Insert(i, heading);
        }
    }

    /// <summary>
    /// The lines of a block joined by one space, inner runs of spaces collapsed. A single line that is already so (the
    /// usual paragraph) is its slice of the text, not a copy: the layout then finds the text as it would write it.
    /// </summary>
    private static ReadOnlyMemory<char> JoinLines(string text, List<Range> lines, StringBuilder builder)
    {
        if (lines.Count == 1)
        {
            var line = text.AsMemory()[lines[0]];
            return TextNormaliser.IsCollapsed(line.Span) ? line : TextNormaliser.CollapseSpaces(line.Span).AsMemory();
        }

        builder.Clear();
        foreach (var line in lines)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(text.AsSpan()[line]);
        }

        return TextNormaliser.CollapseSpaces(builder.ToString()).AsMemory();
    }

    /// <summary>
    /// Whether the text's paragraphs are written one sentence a line, from its line breaks inside paragraphs (at least
    /// two): most of them (60 %) come after a line that ends a sentence (a terminator, then perhaps closing quotes or
    /// brackets, PTB's <c>''</c> and <c>-rrb-</c> included); or, in a text made of lines rather than of paragraphs (at
    /// least three breaks, and as many as paragraphs), a quarter do and nearly all (80 %) of them either do or were
    /// not made by wrapping (the next line's first word would have fitted on the line: a short line in a list of
    /// fixtures, an address). A text of one-line paragraphs with a stray break mid-sentence is neither. In a text
    /// without capitals, a single break after a sentence end is enough. Hard wrapping breaks a line only where the next word does not fit, wherever the
    /// sentence is: 3.5 % of the breaks come after a sentence end in BBC news wrapped at 60 to 160 characters.
    /// </summary>
    private static bool LinesAreSentences(string text, List<RawBlock> raw)
    {
        var width = 0;
        foreach (var block in raw)
        {
            if (block.IsListItem || block.Lines.Count < 2) continue;
            foreach (var line in block.Lines)
            {
                // A line of one or two words (a long link) says nothing of the width lines were wrapped at.
                if (text.AsSpan()[line].Count(' ') >= 2) width = Math.Max(width, line.GetOffsetAndLength(text.Length).Length);
            }
        }

        var breaks = 0;
        var afterSentence = 0;
        var unwrapped = 0;
        var paragraphs = 0;
        foreach (var block in raw)
        {
            if (block.IsListItem) continue;
            paragraphs++;
            for (var l = 0; l + 1 < block.Lines.Count; l++)
            {
                breaks++;
                var line = text.AsSpan()[block.Lines[l]];
                if (EndsSentence(line)) afterSentence++;
                else if (line.Length + 1 + FirstWordLength(text.AsSpan()[block.Lines[l + 1]]) <= width) unwrapped++;
            }
        }

        // In a text without capitals, even one break after a sentence end is one: no capital would split it there.
        if (breaks >= 1 && afterSentence == breaks && Language.TextCasing.HasNoCapitals(text)) return true;
        return breaks >= 2
            && (afterSentence >= 0.6 * breaks || (breaks >= 3 && breaks >= paragraphs && afterSentence >= 0.25 * breaks && afterSentence + unwrapped >= 0.8 * breaks));
    }

    /// <summary>
    /// A paragraph of at least three short lines typed one under the other, each opening on a capital or a digit
    /// (headlines, an agenda, an address): none of its breaks was made by wrapping, since the next line's first word
    /// would have fitted on every line but the longest. Hard wrapping fills each line, and its lines mostly open
    /// lower-case; without this, the lines were joined into one "sentence" and a word budget cut it mid-line.
    /// </summary>
    private static bool IsListOfLines(string text, RawBlock block)
    {
        if (block.Lines.Count < 3) return false;
        var width = 0;
        foreach (var line in block.Lines)
        {
            var span = text.AsSpan()[line];
            if (span.Length > MaxHeadingLength || StartsWithLowercase(span)) return false;
            width = Math.Max(width, span.Length);
        }

        for (var l = 0; l + 1 < block.Lines.Count; l++)
        {
            var line = text.AsSpan()[block.Lines[l]];
            if (line.Length < width && line.Length + 1 + FirstWordLength(text.AsSpan()[block.Lines[l + 1]]) > width) return false;
        }

        return true;
    }

    private static int FirstWordLength(ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? line.Length : space;
    }

    /// <summary>A line ending on . ! ? … (or a CJK or Arabic terminator), perhaps followed by closing quotes and brackets.</summary>
    internal static bool EndsSentence(ReadOnlySpan<char> line)
    {
        while (true)
        {
            line = line.TrimEnd(" \t\"'”’»)]」』）");
            if (line.EndsWith("-rrb-", StringComparison.Ordinal) || line.EndsWith("-rsb-", StringComparison.Ordinal)) line = line[..^5];
            else if (line.EndsWith("''", StringComparison.Ordinal)) line = line[..^2];
            else break;
        }

        return !line.IsEmpty && line[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？' or '؟';
    }

    /// <summary>The lines of a paragraph written one sentence a line: each line's spaces collapsed, the lines joined by a line feed.</summary>
    private static string JoinLinesKeepingFeeds(string text, List<Range> lines, StringBuilder builder)
    {
        builder.Clear();
        foreach (var line in lines)
        {
            var collapsed = TextNormaliser.CollapseSpaces(text.AsSpan()[line]);
            if (collapsed.Length == 0) continue;
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(collapsed);
        }

        return builder.ToString();
    }

    /// <summary>The length of the bullet marker a trimmed line starts with, or 0.</summary>
    internal static int BulletLength(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return 0;
        switch (line[0])
        {
            case '•' or '·' or '▪' or '◦' or '‣' or '●' or '■' or '▫' or '○' or '►' or '▸':
                return 1;
            case '-' or '–' or '*':
                return line.Length > 1 && line[1] == ' ' ? 1 : 0;
            default:
                return 0;
        }
    }

    private static string? TitleOf(string text, List<RawBlock> raw)
    {
        var block = raw[0];
        if (block.IsListItem) return null;
        var first = TextNormaliser.CollapseSpaces(text.AsSpan()[block.Lines[0]]);
        if (first.Length == 0 || first.Length > MaxTitleLength) return null;
        if (block.Lines.Count == 1) return raw.Count > 1 ? first : null;

        // The first line of a longer paragraph is a title only when it does not read as a hard-wrapped sentence.
        var next = text.AsSpan()[block.Lines[1]];
        return first.Length <= MaxHeadingLength && !EndsWithSentencePunctuation(first) && !StartsWithLowercase(next) ? first : null;
    }

    private static readonly System.Buffers.SearchValues<char> NumberingCharacters = System.Buffers.SearchValues.Create(" 0123456789.-–()[]");

    internal static bool IsHeadingLike(ReadOnlySpan<char> text)
        => text.Length > 0 && text.Length <= MaxHeadingLength && !EndsWithSentencePunctuation(text) && !StartsWithLowercase(text)
           && text.ContainsAnyExcept(NumberingCharacters);

    private static bool EndsWithSentencePunctuation(ReadOnlySpan<char> text)
        => text[^1] is '.' or '!' or '…' or ';' or ':' or ',';

    private static bool StartsWithLowercase(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) return char.IsLower(c);
        }

        return false;
    }
}
