using System.Globalization;
using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Themes;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// Long Markdown reports made up for the tests: a title that names the report's subject (energy) once, chapters of
/// filler (varied sentences about villages, gardens and boats, none of them a keyword of <c>seeds/themes.json</c>),
/// then chapters about electricity and the power grid. Deterministic: the same arguments give the same bytes.
/// </summary>
internal static class GeneratedReport
{
    public const string EnergyHeading = "Electricity and the power grid";
    public const int ParagraphsPerChapter = 18;
    public const int SentencesPerParagraph = 4;

    /// <summary>Sentences of one filler chapter: its heading and its paragraphs' sentences.</summary>
    public const int SentencesPerChapter = 1 + (ParagraphsPerChapter * SentencesPerParagraph);

    private static readonly string[] Adjectives = ["quiet", "old", "small", "green", "narrow", "bright", "gentle", "early", "wooden", "crooked", "silver", "dusty", "warm", "tall", "yellow", "hidden", "painted", "sleepy", "stony", "round"];
    private static readonly string[] Nouns = ["garden", "orchard", "harbour", "village", "bakery", "meadow", "cottage", "bridge", "lantern", "fisherman", "shepherd", "goat", "cheese", "honey", "boat", "island", "forest", "sparrow", "painter", "song", "kitchen", "recipe", "oven", "basil", "pepper", "apple", "pear", "river", "path", "fountain", "chapel", "barn", "ladder", "basket", "blanket", "violin", "poem", "teapot", "kettle", "pebble"];
    private static readonly string[] Verbs = ["carried", "painted", "followed", "watched", "crossed", "visited", "mended", "gathered", "baked", "planted", "counted", "described", "remembered", "shared", "cleaned", "folded", "whistled past", "admired", "borrowed", "repaired"];
    private static readonly string[] Places = ["near", "beside", "behind", "across", "under", "along", "past", "around"];

    private static readonly string[] EnergySentences =
    [
        "Demand for electricity rose again this winter, and the power grid ran close to its limit.",
        "The grid operator connected {0} megawatt of new capacity to the power grid.",
        "Two data centres asked for more energy than the network could deliver.",
        "A nuclear power plant in the north delivered {0} gigawatt hours more than planned.",
        "Cooling the racks of GPU servers now takes a tenth of the electricity they draw.",
        "Energy efficiency rules for data centres came into force in the spring.",
        "Electricity prices followed the cost of the energy bought on the power grid.",
        "The operator plans {0} megawatt of storage to steady the power grid at night.",
    ];

    /// <summary>
    /// A title naming the subject once, <paramref name="fillerChapters"/> chapters of filler, then
    /// <paramref name="energyChapters"/> chapters about energy (each <see cref="SentencesPerChapter"/> sentences).
    /// </summary>
    /// <param name="listItems">When above 0, the last chapter ends with a paragraph announcing a list of this many items about energy.</param>
    public static byte[] Markdown(int fillerChapters, int energyChapters, int listItems = 0)
    {
        var text = new StringBuilder("# The year in the valley, and what its energy costs\n\n");
        var random = new Lcg(fillerChapters);
        for (var chapter = 1; chapter <= fillerChapters; chapter++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Chapter {chapter}: the {Pick(random, Adjectives)} {Pick(random, Nouns)}\n\n");
            for (var paragraph = 0; paragraph < ParagraphsPerChapter; paragraph++)
            {
                for (var sentence = 0; sentence < SentencesPerParagraph; sentence++)
                {
                    text.Append(sentence == 0 ? "" : " ").Append(FillerSentence(random));
                }

                text.Append("\n\n");
            }
        }

        for (var chapter = 1; chapter <= energyChapters; chapter++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {EnergyHeading}, part {chapter}\n\n");
            for (var paragraph = 0; paragraph < ParagraphsPerChapter; paragraph++)
            {
                for (var sentence = 0; sentence < SentencesPerParagraph; sentence++)
                {
                    var template = EnergySentences[(paragraph * SentencesPerParagraph + sentence + chapter) % EnergySentences.Length];
                    text.Append(sentence == 0 ? "" : " ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 10 * (chapter + paragraph + sentence)));
                }

                text.Append("\n\n");
            }
        }

        if (listItems > 0)
        {
            text.Append("The plants that fed the power grid this year were the following:\n\n");
            for (var item = 1; item <= listItems; item++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- Plant {item} delivered {item % 90 + 10} megawatt of electricity\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static SourceDocument Read(byte[] markdown, DocumentReaderOptions? options = null) =>
        new DocumentReader(options ?? new DocumentReaderOptions()).Read("long-report.md", markdown, ThemeSamples.At);

    /// <summary>The first sentence of the first chapter about energy (its heading).</summary>
    public static Sentence FirstEnergySentence(SourceDocument document)
    {
        var section = document.Sections.First(s => s.Heading.StartsWith(EnergyHeading, StringComparison.Ordinal));
        return document.Sentences.First(s => s.SectionIndex == section.Index);
    }

    private static string FillerSentence(Lcg random) =>
        $"The {Pick(random, Adjectives)} {Pick(random, Nouns)} {Pick(random, Verbs)} the {Pick(random, Nouns)} {Pick(random, Places)} the {Pick(random, Adjectives)} {Pick(random, Nouns)}.";

    private static string Pick(Lcg random, string[] words) => words[random.Next(words.Length)];

    /// <summary>A fixed linear congruential generator: the same report on every runtime, unlike an unspecified library one.</summary>
    private sealed class Lcg(int seed)
    {
        private ulong _state = (ulong)seed + 0x9E3779B97F4A7C15UL;

        public int Next(int bound)
        {
            _state = (_state * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((_state >> 33) % (ulong)bound);
        }
    }
}
