using System.Runtime.CompilerServices;
using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// Stems are numbered once in a table shared by every language, and a token carries the number, not the string: its
/// stem is read back from the table, and the token is 16 bytes (it was 24 with the string).
/// </summary>
public sealed class A_token_carries_its_stem_by_number
{
    [Fact]
    public void A_stem_is_numbered_once_and_read_back_by_its_number()
    {
        var table = new StemTable();

        var first = table.IdOf("profit");
        var second = table.IdOf("boost");

        table.IdOf("profit").ShouldBe(first);
        second.ShouldNotBe(first);
        table.Stem(first).ShouldBe("profit");
        table.Stem(second).ShouldBe("boost");
        table.Find("sales").ShouldBe(-1);
    }

    [Fact]
    public void The_table_grows_past_its_first_array_and_keeps_every_stem()
    {
        var table = new StemTable();

        var ids = Enumerable.Range(0, 5000).Select(i => table.IdOf($"stem{i}")).ToArray();

        ids.ShouldBe(Enumerable.Range(0, 5000).ToArray());
        ids.Select(table.Stem).ShouldBe(Enumerable.Range(0, 5000).Select(i => $"stem{i}"));
    }

    [Fact]
    public void A_token_reads_its_stem_back_and_is_16_bytes()
    {
        var stems = StemmerCache.For("en");

        var token = Tokenizer.Tokenize("Profits", stems).Single();

        token.Stem.ShouldBe("profit");
        stems.FindStemId("profit").ShouldBe(token.StemId);
        Unsafe.SizeOf<Token>().ShouldBe(16);
        Unsafe.SizeOf<StemmedWord>().ShouldBe(8);
    }
}
