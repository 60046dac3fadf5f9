using System.Text.Json.Nodes;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Tests.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// The sampling flag keeps stored documents compatible both ways: a document considered whole is stored exactly as
/// before (no <c>sample</c> property), a document stored before the flag existed reads as whole, and a sampled one
/// reads back sampled. (The Documents table's row is checked against Azurite in the integration tests.)
/// </summary>
public sealed class Stored_documents_without_a_sample_read_as_whole
{
    [Fact]
    public void A_whole_document_is_stored_without_a_sample_property()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var json = JsonNode.Parse(PipelineJson.Serialize(document))!.AsObject();

        json.ContainsKey("sample").ShouldBeFalse();
    }

    [Fact]
    public void A_document_stored_before_the_flag_reads_as_considered_whole()
    {
        var document = ThemeSamples.ReadSeedArticle();
        var stored = JsonNode.Parse(PipelineJson.Serialize(document))!.AsObject();
        stored.Remove("sample");

        var read = PipelineJson.Deserialize<SourceDocument>(stored.ToJsonString());

        read.Sample.ShouldBeNull();
        read.SentencesInText.ShouldBe(document.Sentences.Count);
    }

    [Fact]
    public void A_sampled_document_reads_back_sampled()
    {
        var document = GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 20, energyChapters: 1), new DocumentReaderOptions { MaxSentences = 100 });

        var read = PipelineJson.Deserialize<SourceDocument>(PipelineJson.Serialize(document));

        read.Sample.ShouldBe(new SentenceSample(100, document.SentencesInText));
        read.Sentences.ShouldBe(document.Sentences);
    }
}
