using System.Xml;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Documents.Formats;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>The lexer that bounds an XML token's length: tags (quotes followed), comments, CDATA and instructions, never text.</summary>
public sealed class XmlTokenLimitReaderTests
{
    private static void Parse(string xml, int maxTokenLength)
    {
        using var text = new XmlTokenLimitReader(new StringReader(xml), maxTokenLength, () => new DocumentRejectedException(RejectionReason.ExpandsTooMuch, "too long"));
        using var reader = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
        }
    }

    [Theory]
    [InlineData("<a>" + "un texte très long sans balise, avec > et ' et \" et --> et ]] > dedans" + "</a>")]
    [InlineData("<?xml version=\"1.0\"?><a><b c='1'/><!-- c --><![CDATA[x]]></a>")]
    public void Text_of_any_length_and_short_tokens_pass(string xml) => Should.NotThrow(() => Parse(xml, maxTokenLength: 30));

    [Theory]
    [InlineData("<a b='x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>'/>")]
    [InlineData("<a b=\"x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>x>\"/>")]
    [InlineData("<a><!-- un commentaire -> > -- > long, bien trop long --></a>")]
    [InlineData("<a><![CDATA[ ]> ] > un bloc bien trop long pour passer ]]></a>")]
    [InlineData("<a><?instruction > un traitement bien trop long pour passer ?></a>")]
    public void A_token_past_the_limit_is_refused_whatever_it_holds(string xml) =>
        Should.Throw<DocumentRejectedException>(() => Parse(xml, maxTokenLength: 30)).Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
}
