using DigestPipeline.Core.Documents.Formats;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// The sentences of a normalised document's blocks. Titles and headings are one sentence each; paragraphs,
/// standfirsts and list items are split by the language's <see cref="SentenceSplitter"/>, never across a block. A
/// list item may hold several sentences, and a line that only looks like one may hold a whole article: a text whose
/// first character is a bullet such as ► was one list item, taken whole as one sentence that no word budget could
/// hold, so its summary was empty.
/// When given a budget, checks it every few hundred blocks and terminators.
/// </summary>
internal static class DocumentSentences
{
    public static List<Sentence> Split(string text, IReadOnlyList<DocumentBlock> blocks, string language, ReadBudget? budget = null)
    {
        var splitter = SentenceSplitter.For(language);
        var step = budget is null ? null : new Action(budget.Step);
        var spans = new List<SentenceSpan>();
        var sentences = new List<Sentence>(blocks.Count * 2);
        for (var b = 0; b < blocks.Count; b++)
        {
            budget?.Step();
            var block = blocks[b];
            spans.Clear();
            if (block.Kind is BlockKind.Paragraph or BlockKind.Standfirst or BlockKind.ListItem)
            {
                splitter.Split(text, block.Start, block.Start + block.Length, spans, step);
            }
            else
            {
                SentenceSplitter.Add(text, block.Start, block.Start + block.Length, spans);
            }

            foreach (var span in spans)
            {
                sentences.Add(new Sentence(sentences.Count, span.Start, span.Length, b, block.SectionIndex));
            }
        }

        return sentences;
    }
}
