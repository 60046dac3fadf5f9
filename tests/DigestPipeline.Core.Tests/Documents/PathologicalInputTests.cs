using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class PathologicalInputTests
{
    private const int Size = 2_000_000;

    public static TheoryData<string> PathologicalInputs() => new()
    {
        "one-huge-line-without-punctuation",
        "periods-everywhere",
        "abbreviations-and-initials",
        "bullets-and-blank-lines",
    };

    private static string Build(string kind) => kind switch
    {
        "one-huge-line-without-punctuation" => "Titre\n\n" + string.Concat(Enumerable.Repeat("mot ", Size / 4)),
        "periods-everywhere" => "Titre\n\n" + new string('.', Size / 2) + " " + string.Concat(Enumerable.Repeat("a.b.c. ", Size / 14)),
        "abbreviations-and-initials" => "Titre\n\n" + string.Concat(Enumerable.Repeat("M. J. Dupont, etc. et l’U.S. Army… à 3.5 % ? « Oui. » ", Size / 52)),
        "bullets-and-blank-lines" => "Titre\n\n" + string.Concat(Enumerable.Repeat("• point\n\u00A0\n  – autre\nSuite\n\n", Size / 30)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(PathologicalInputs))]
    public void Pathological_inputs_are_read_into_bounded_sentences(string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(Build(kind));
        // 200,000 blocks for bullets and blank lines: past the default cap, which is not what this test is about.
        var reader = DocumentReading.Reader(new DocumentReaderOptions { MaxBytes = 10 * Size, MaxBlocks = 1_000_000 });

        var document = reader.Read(kind + ".txt", bytes, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);

        // Speed on such inputs is measured in tests/DigestPipeline.Benchmarks, not asserted here.
        document.Sentences.ShouldNotBeEmpty();
        document.Sentences.ShouldAllBe(s => s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= document.Text.Length);
    }
}
