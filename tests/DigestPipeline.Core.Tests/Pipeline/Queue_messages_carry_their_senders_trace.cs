using System.Diagnostics;
using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Pipeline;

public sealed class Queue_messages_carry_their_senders_trace
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void A_message_sent_inside_a_span_names_it_as_the_parent()
    {
        var parent = PipelineTelemetry.TraceParentOf(PipelineJson.Serialize(new SummarizeMessage(SummarizeMessage.CurrentVersion, "doc", TraceParent)));

        parent.TraceId.ToString().ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        parent.SpanId.ToString().ShouldBe("00f067aa0ba902b7");
        parent.IsRemote.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"documentId":"doc"}""")]
    [InlineData("""{"schemaVersion":1,"documentId":"doc","traceParent":"not a trace"}""")]
    [InlineData("""{"schemaVersion":1,"documentId":"doc","traceParent":42}""")]
    [InlineData("""["traceParent"]""")]
    [InlineData("not json")]
    public void A_message_without_a_valid_one_has_none(string messageText)
    {
        PipelineTelemetry.TraceParentOf(messageText).ShouldBe(default(ActivityContext));
    }

    [Fact]
    public void A_message_sent_outside_any_span_omits_it_and_reads_as_before()
    {
        var text = PipelineJson.Serialize(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, [], TraceParent: null));

        text.ShouldNotContain("traceParent");
        PipelineJson.Deserialize<DigestBatchMessage>(text).TraceParent.ShouldBeNull();
    }
}
