using System.Globalization;
using System.Text;
using System.Xml;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Reads the main part of a DOCX (<c>word/document.xml</c>) as a stream of XML nodes, never as a tree: each
/// paragraph is handed to the collector when it closes, so what is held is the blocks kept so far, under
/// <see cref="DocumentReaderOptions.MaxBlocks"/> and <see cref="DocumentReaderOptions.MaxCharacters"/>, whatever the
/// part expands to. Text is read in chunks (<see cref="XmlReader.ReadValueChunk"/>), so one text element of 90 M
/// characters is refused at the cap instead of being built first; that is why this is a plain <see cref="XmlReader"/>
/// and not the Open XML SDK's <c>OpenXmlReader</c>, which loads every text element whole before handing it over.
/// No DTD, no resolver; no XML token (a tag with its attributes, a comment) longer than <see cref="MaxTokenLength"/>,
/// since the parser holds each token whole (<see cref="XmlTokenLimitReader"/>). The budget is checked every few hundred nodes.
/// </summary>
/// <remarks>
/// What counts matches the SDK's typed model: <c>w:t</c>, and <c>w:tab</c>, <c>w:br</c>, <c>w:cr</c> (a space) and
/// <c>w:noBreakHyphen</c> (a hyphen) directly in a run; deleted text (<c>w:delText</c>) and field codes
/// (<c>w:instrText</c>) are other elements, hence not text. A paragraph's style, outline level and numbering are
/// read from its own <c>w:pPr</c> only (not from a tracked change's earlier properties inside it). A paragraph
/// nested in another (a text box) is a block of its own, before the rest of the enclosing paragraph.
/// </remarks>
internal sealed class DocxBodyReader
{
    private const string Transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private sealed class OpenParagraph(int depth)
    {
        public int Depth { get; } = depth;
        public int PropertiesDepth { get; set; } = -1;
        public bool PropertiesSeen { get; set; }
        public string? StyleId { get; set; }
        public int? OutlineLevel { get; set; }
        public bool Numbered { get; set; }
        public StringBuilder Text { get; } = new();
    }

    private readonly Dictionary<string, BlockKind> _styles;
    private readonly BlockDraftCollector _collector;
    private readonly List<OpenParagraph> _paragraphs = [];
    private readonly Stack<int> _runDepths = new();
    private readonly char[] _chunk = new char[8192];
    private long _pendingCharacters;

    private DocxBodyReader(Dictionary<string, BlockKind> styles, BlockDraftCollector collector)
    {
        _styles = styles;
        _collector = collector;
    }

    /// <summary>Word writes tags of a few hundred characters; a token this long is not a document's markup.</summary>
    public const int MaxTokenLength = 1024 * 1024;

    /// <param name="partName">the part's name in the package, for the refusal.</param>
    public static void Read(Stream part, string partName, Dictionary<string, BlockKind> styles, BlockDraftCollector collector, long maxCharactersInPart)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharactersInPart,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        // OOXML parts are UTF-8 or UTF-16 with a byte order mark: decoded here, so that the token limit counts characters.
        var sourceName = collector.Budget.SourceName;
        using var text = new XmlTokenLimitReader(new StreamReader(part, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), MaxTokenLength, () =>
            new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}': its part '{partName}' holds an XML tag, comment or CDATA section longer than {MaxTokenLength:N0} characters.")));
        using var xml = XmlReader.Create(text, settings);
        new DocxBodyReader(styles, collector).Read(xml);
    }

    private void Read(XmlReader xml)
    {
        var budget = _collector.Budget;
        while (xml.Read())
        {
            budget.Step();
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI is Transitional or Strict)
            {
                Start(xml);
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI is Transitional or Strict)
            {
                End(xml.LocalName, xml.Depth);
            }
        }
    }

    private void Start(XmlReader xml)
    {
        var depth = xml.Depth;
        var empty = xml.IsEmptyElement;
        var paragraph = _paragraphs.Count > 0 ? _paragraphs[^1] : null;
        var inRun = paragraph is not null && _runDepths.TryPeek(out var runDepth) && depth == runDepth + 1;
        switch (xml.LocalName)
        {
            case "p":
                _paragraphs.Add(new OpenParagraph(depth));
                if (empty) End("p", depth);
                break;
            case "r" when !empty:
                _runDepths.Push(depth);
                break;
            case "pPr" when paragraph is not null && depth == paragraph.Depth + 1 && !paragraph.PropertiesSeen:
                // The first w:pPr is the paragraph's properties, as the SDK's ParagraphProperties property reads it.
                paragraph.PropertiesSeen = true;
                if (!empty) paragraph.PropertiesDepth = depth;
                break;
            case "pStyle" when IsOwnProperty(paragraph, depth):
                paragraph!.StyleId = xml.GetAttribute("val", xml.NamespaceURI);
                break;
            case "outlineLvl" when IsOwnProperty(paragraph, depth):
                paragraph!.OutlineLevel = int.TryParse(xml.GetAttribute("val", xml.NamespaceURI), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? level : null;
                break;
            case "numPr" when IsOwnProperty(paragraph, depth):
                paragraph!.Numbered = true;
                break;
            case "t" when inRun && !empty:
                ReadText(xml, paragraph!);
                break;
            case "tab" or "br" or "cr" when inRun:
                Append(paragraph!, " ");
                break;
            case "noBreakHyphen" when inRun:
                Append(paragraph!, "-");
                break;
        }
    }

    private static bool IsOwnProperty(OpenParagraph? paragraph, int depth) => paragraph is not null && paragraph.PropertiesDepth >= 0 && depth == paragraph.PropertiesDepth + 1;

    private void End(string name, int depth)
    {
        switch (name)
        {
            case "p" when _paragraphs.Count > 0 && _paragraphs[^1].Depth == depth:
                var paragraph = _paragraphs[^1];
                _paragraphs.RemoveAt(_paragraphs.Count - 1);
                _pendingCharacters -= paragraph.Text.Length;
                _collector.Add(KindOf(paragraph), paragraph.Text.ToString());
                break;
            case "r" when _runDepths.TryPeek(out var runDepth) && runDepth == depth:
                _runDepths.Pop();
                break;
            case "pPr" when _paragraphs.Count > 0 && _paragraphs[^1].PropertiesDepth == depth:
                _paragraphs[^1].PropertiesDepth = -1;
                break;
        }
    }

    /// <summary>The content of a <c>w:t</c>, chunk by chunk, counted against the character cap as it comes; leaves the reader on its end tag.</summary>
    private void ReadText(XmlReader xml, OpenParagraph paragraph)
    {
        var depth = xml.Depth;
        while (xml.Read())
        {
            _collector.Budget.Step();
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                    {
                        _collector.Budget.Step();
                        Append(paragraph, _chunk.AsSpan(0, read));
                    }

                    break;
                case XmlNodeType.EndElement when xml.Depth == depth:
                    return;
            }
        }
    }

    private void Append(OpenParagraph paragraph, ReadOnlySpan<char> text)
    {
        _pendingCharacters += text.Length;
        _collector.EnsureRoomFor(_pendingCharacters);
        paragraph.Text.Append(text);
    }

    private BlockKind KindOf(OpenParagraph paragraph)
    {
        if (paragraph.StyleId is { } id && _styles.TryGetValue(id, out var kind)) return kind;
        if (paragraph.OutlineLevel is < 9) return BlockKind.Heading;
        return paragraph.Numbered ? BlockKind.ListItem : BlockKind.Paragraph;
    }
}
