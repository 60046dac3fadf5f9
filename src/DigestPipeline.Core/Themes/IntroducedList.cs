using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// A sentence that announces a list (it ends its paragraph with a colon, and list items follow at once) says little
/// without the list, and the items say little without it: in a summary under a sentence budget, the sentence
/// carries its list, as one summary sentence spanning both, and its evidence for a theme includes the items'.
/// </summary>
internal static class IntroducedList
{
    [ThreadStatic]
    private static long t_sentencesExamined;

    /// <summary>
    /// Sentences looked at to find the lists on this thread so far: lets tests check that finding them stays linear
    /// in the document (it once walked a list again for each of its items and each theme).
    /// </summary>
    internal static long SentencesExaminedOnThisThread => t_sentencesExamined;

    /// <returns>The index of the list's last item sentence, or -1 when the sentence introduces no list.</returns>
    public static int LastItem(AnalyzedDocument document, int sentence) => document.ListEnds[sentence];

    /// <summary>
    /// Every sentence's <see cref="LastItem"/>, in one backward pass: the end of each run of list items of one
    /// section is known before the sentence that introduces it is met. Items must follow one another in the text
    /// (consecutive <see cref="Sentence.Index"/>), so that a sampled document never spans text that was skipped.
    /// </summary>
    public static int[] LastItems(AnalyzedDocument document)
    {
        var sentences = document.Sentences;
        var lastItems = new int[sentences.Count];
        var runEnd = -1;
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            t_sentencesExamined++;
            var current = sentences[i];
            var next = i + 1 < sentences.Count ? sentences[i + 1] : null;
            var followedBy = next is not null && next.Source.Index == current.Source.Index + 1 && next.SectionIndex == current.SectionIndex;
            lastItems[i] = followedBy && next!.Kind == BlockKind.ListItem && next.Source.BlockIndex != current.Source.BlockIndex && Introduces(document, current)
                ? runEnd
                : -1;

            // runEnd: the last item of the run of list items that starts at i (when i is one).
            runEnd = current.Kind != BlockKind.ListItem ? -1
                : followedBy && next!.Kind == BlockKind.ListItem ? runEnd
                : i;
        }

        return lastItems;
    }

    private static bool Introduces(AnalyzedDocument document, AnalyzedSentence sentence) =>
        !sentence.IsHeading && sentence.Kind != BlockKind.ListItem && document.SentenceText(sentence.Index).TrimEnd().EndsWith(':');
}
