using System.Text;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// Issue 16: over ten articles on one story, a digest theme took 43 % of its lines from the first one. The ten
/// articles of <see cref="OneStorySamples"/> are summarized by the real summarizer and merged as one theme of a
/// digest, once for each of the ten rotations of their arrival order, so that every article arrives first once:
/// whatever the articles' own merits, the article arriving first should then give about a tenth of the lines.
/// The articles are taken as equally about the theme (one theme score), as rewrites of one wire story often are:
/// that is where the merger used to fall back on arrival order. With their own scores (3.75 to 9.63) every
/// position already had 10 %, the higher score deciding.
/// </summary>
public sealed class Lines_over_one_story_do_not_favour_the_first_document
{
    private const string Theme = "energy-compute";

    [Fact]
    public void The_first_document_to_arrive_gives_about_its_fair_share_of_the_lines()
    {
        var shares = SharesByArrival();
        TestContext.Current.TestOutputHelper?.WriteLine(
            "share of kept lines by arrival position: " + string.Join(" ", shares.Select(s => s.ToString("P1", System.Globalization.CultureInfo.InvariantCulture))));

        // Fair share 10 %, a margin of 5 points. Before the fix: 21 % for the first to arrive, 4 % for the last.
        shares[0].ShouldBeLessThanOrEqualTo(0.1 + 0.05);
        shares.Max().ShouldBeLessThanOrEqualTo(0.1 + 0.05);
    }

    /// <returns>For each arrival position, the share of the merged theme's lines from the article that arrived there, over all rotations.</returns>
    internal static double[] SharesByArrival()
    {
        var summaries = OneStorySamples.Articles
            .Select((text, i) => ThemeSamples.Summarize(DocumentReading.Read($"outlet-{i + 1}.txt", Encoding.UTF8.GetBytes(text))))
            .ToArray();
        var n = summaries.Length;
        var lines = new double[n];
        for (var rotation = 0; rotation < n; rotation++)
        {
            var items = new List<DigestItem>();
            for (var position = 0; position < n; position++)
            {
                var document = summaries[(position + rotation) % n];
                var theme = document.Themes.First(t => t.ThemeId == Theme);
                items.Add(new DigestItem(document.DocumentId, document.Title, document.SourceName, document.Language, theme.Sentences, theme.KeyPhrases,
                    ThemeScore: 6.0, FactSamples.Morning.AddHours(position)));
            }

            var position0 = items.Select(i => i.DocumentId).ToList();
            foreach (var item in DuplicateFactMerger.Merge(items))
            {
                lines[position0.IndexOf(item.DocumentId)] += item.Sentences.Count;
            }
        }

        var total = lines.Sum();
        return [.. lines.Select(l => l / total)];
    }
}
