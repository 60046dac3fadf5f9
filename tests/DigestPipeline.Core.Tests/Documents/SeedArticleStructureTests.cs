using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class SeedArticleStructureTests
{
    private static readonly string[] ExpectedHeadings =
    [
        "Miami : un nouveau point d’ancrage pour l’IA",
        "De l’open source aux systèmes multi-agents : la prochaine rupture s’accélère",
        "L’IA physique : la rupture que personne ne peut encore se permettre d’ignorer",
        "NVIDIA : penser système, pas composants",
        "Santé : une transformation silencieuse mais profonde",
        "Sécurité nationale : l’IA comme nouvelle doctrine stratégique",
        "Le compute devient un enjeu énergétique",
        "L’IA entre dans l’ère des systèmes",
    ];

    [Fact]
    public void Seed_has_title_standfirst_and_eight_headed_sections()
    {
        var document = DocumentReading.ReadSeed();

        document.Title.ShouldBe("Transformation, infrastructures, souveraineté : ce que les leaders de l’IA ont vraiment dit à Miami");
        document.Language.ShouldBe("fr");
        document.Blocks[0].Kind.ShouldBe(BlockKind.Title);
        document.BlockText(document.Blocks[0]).ShouldBe(document.Title);
        document.Blocks[1].Kind.ShouldBe(BlockKind.Standfirst);
        document.BlockText(document.Blocks[1]).ShouldStartWith("À Miami, le Tech Basel AI Summit 2025 a réuni");
        document.Blocks[1].SectionIndex.ShouldBe(0);
        document.Blocks[2].Kind.ShouldBe(BlockKind.Paragraph);
        document.Blocks[2].SectionIndex.ShouldBe(0);
        document.BlockText(document.Blocks[2]).ShouldStartWith("Entre montée des systèmes multi-agents");

        document.Sections.Count.ShouldBe(9);
        document.Sections[0].Heading.ShouldBe(document.Title);
        document.Sections.Skip(1).Select(s => s.Heading).ShouldBe(ExpectedHeadings);
        document.BlockTexts(BlockKind.Heading).ShouldBe(ExpectedHeadings);
    }

    [Fact]
    public void Seed_list_items_are_one_block_each_in_their_sections()
    {
        var document = DocumentReading.ReadSeed();

        var physical = document.Sections.Single(s => s.Heading.StartsWith("L’IA physique", StringComparison.Ordinal));
        var health = document.Sections.Single(s => s.Heading.StartsWith("Santé", StringComparison.Ordinal));
        var physicalItems = document.Blocks.Where(b => b.Kind == BlockKind.ListItem && b.SectionIndex == physical.Index).Select(document.BlockText).ToList();
        var healthItems = document.Blocks.Where(b => b.Kind == BlockKind.ListItem && b.SectionIndex == health.Index).Select(document.BlockText).ToList();

        physicalItems.ShouldBe(
        [
            "la perception visuelle et sensorielle progresse vite,",
            "les architectures agentiques permettent de simuler des scénarios complexes,",
            "les coûts du compute à la périphérie diminuent,",
            "et les usages industriels sont prêts à basculer.",
        ]);
        healthItems.Count.ShouldBe(5);
        healthItems[^1].ShouldBe("médecine prédictive intégrée.");
        document.Blocks.Count(b => b.Kind == BlockKind.ListItem).ShouldBe(9);
    }

    [Fact]
    public void Seed_single_line_breaks_inside_paragraphs_do_not_split_them()
    {
        var document = DocumentReading.ReadSeed();

        var paragraphs = document.BlockTexts(BlockKind.Paragraph).ToList();
        paragraphs.ShouldContain(p => p.Contains("un sujet de souveraineté. Les armées américaines repensent", StringComparison.Ordinal));
        paragraphs.ShouldContain(p => p.Contains("Le signal venu de Miami est clair : la course ne se joue plus", StringComparison.Ordinal));
        document.BlockTexts(BlockKind.Heading).ShouldNotContain(h => h.StartsWith("la course", StringComparison.Ordinal));
    }

    [Fact]
    public void Headings_and_list_items_stand_on_their_own_line_of_the_text()
    {
        var document = DocumentReading.ReadSeed();
        var lines = document.Text.Split('\n');

        foreach (var heading in document.BlockTexts(BlockKind.Heading))
        {
            lines.ShouldContain(heading);
        }

        foreach (var item in document.BlockTexts(BlockKind.ListItem))
        {
            lines.ShouldContain("• " + item);
        }
    }

    [Fact]
    public void Sections_cover_their_blocks_and_do_not_overlap()
    {
        var document = DocumentReading.ReadSeed();

        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            var section = document.Sections[block.SectionIndex];
            block.Start.ShouldBeGreaterThanOrEqualTo(section.Start);
            (block.Start + block.Length).ShouldBeLessThanOrEqualTo(section.Start + section.Length);
        }

        for (var i = 1; i < document.Sections.Count; i++)
        {
            document.Sections[i].Index.ShouldBe(i);
            document.Sections[i].Start.ShouldBeGreaterThan(document.Sections[i - 1].Start + document.Sections[i - 1].Length);
        }
    }

    [Fact]
    public void Every_sentence_lies_inside_its_block_without_surrounding_whitespace()
    {
        var document = DocumentReading.ReadSeed();

        document.Sentences.Count.ShouldBeGreaterThan(50);
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var sentence = document.Sentences[i];
            sentence.Index.ShouldBe(i);
            var block = document.Blocks[sentence.BlockIndex];
            sentence.SectionIndex.ShouldBe(block.SectionIndex);
            sentence.Start.ShouldBeGreaterThanOrEqualTo(block.Start);
            (sentence.Start + sentence.Length).ShouldBeLessThanOrEqualTo(block.Start + block.Length);
            var text = document.SentenceText(sentence);
            text.ShouldBe(text.Trim());
            text.ShouldNotBeEmpty();
        }

        for (var b = 0; b < document.Blocks.Count; b++)
        {
            var block = document.Blocks[b];
            if (block.Kind is not (BlockKind.Heading or BlockKind.ListItem or BlockKind.Title)) continue;
            var own = document.Sentences.Where(s => s.BlockIndex == b).ToList();
            own.Count.ShouldBe(1);
            own[0].Start.ShouldBe(block.Start);
            own[0].Length.ShouldBe(block.Length);
        }
    }

    [Fact]
    public void Seed_quotation_and_ellipsis_are_split_as_a_reader_would()
    {
        var sentences = DocumentReading.ReadSeed().SentenceTexts().ToList();

        sentences.ShouldContain(s => s.StartsWith("L’expression de Cathie Wood", StringComparison.Ordinal)
            && s.EndsWith("« Aujourd’hui, notre système de santé (USA) est à 90% un système de soins. Grâce à l’IA, il pourra enfin devenir un véritable système de santé. »", StringComparison.Ordinal));
        sentences.ShouldContain("C’est probablement l’un des domaines où l’impact de l’IA sera le plus visible à court terme.");
        sentences.ShouldContain(s => s.StartsWith("Selon NVIDIA", StringComparison.Ordinal) && s.EndsWith("à condition de maîtriser l’intégration.", StringComparison.Ordinal));
        sentences.ShouldContain(s => s.StartsWith("La présence d’un général", StringComparison.Ordinal) && s.Contains("l’U.S. Army a montré", StringComparison.Ordinal));
        sentences.ShouldContain("Comment tester et évaluer des comportements émergents ?");
    }
}
