using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// A sentence that announces a list (it ends its paragraph with a colon, and list items follow at once) says little
/// without the list, and the items say little without it: in a summary under a sentence budget, the sentence
/// carries its list, as one summary sentence spanning both, and its evidence for a theme includes the items'.
/// </summary>
internal static class IntroducedList
{
    /// <returns>The index of the list's last item sentence, or -1 when the sentence introduces no list.</returns>
    public static int LastItem(AnalyzedDocument document, int sentence)
    {
        var sentences = document.Sentences;
        var intro = sentences[sentence];
        if (intro.IsHeading || intro.Kind == BlockKind.ListItem || !document.SentenceText(sentence).TrimEnd().EndsWith(':'))
        {
            return -1;
        }

        var last = -1;
        for (var next = sentence + 1; next < sentences.Count; next++)
        {
            var item = sentences[next];
            if (item.Kind != BlockKind.ListItem || item.SectionIndex != intro.SectionIndex || item.Source.BlockIndex == intro.Source.BlockIndex)
            {
                break;
            }

            last = next;
        }

        return last;
    }
}
