using System.Text;
using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Observability;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.EndToEnd;

/// <summary>
/// A document that matches no theme of the taxonomy reaches no subscriber. Through the running local host on its
/// own Azurite: a Chinese article (the sample taxonomy has no Chinese keywords) uploaded to <c>incoming</c> ends
/// summarized with its <c>Documents</c> row marked <c>NoTheme</c>, counted in <c>digestpipeline.documents.no_theme</c>,
/// and listed by <c>digest status</c>; the French seed article uploaded beside it is not marked. No mail is sent
/// (the SMTP port is closed).
/// </summary>
public sealed class A_document_on_no_theme_is_marked_and_shown_by_status : IAsyncLifetime
{
    private const string ChineseArticle = "上海新建人工智能计算中心\n\n"
        + "上海市政府周一宣布，将在浦东新区建设一座新的人工智能计算中心。该中心预计明年投入使用，可为本地企业和高校提供算力支持。"
        + "专家认为，这将有助于缓解芯片短缺带来的压力！但也有人担心，数据中心的耗电量是否会给电网带来负担？市政府表示，中心将全部使用可再生能源供电。";

    private readonly AzuriteFixture _azurite = new();
    private RunningPipeline? _pipeline;
    private TelemetryRecorder? _telemetry;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RunningPipeline Pipeline => _pipeline!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = await RunningPipeline.StartAsync(_azurite.ConnectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation);
        _telemetry = new TelemetryRecorder(_pipeline.Get<PipelineTelemetry>());
    }

    public async ValueTask DisposeAsync()
    {
        _telemetry?.Dispose();
        if (_pipeline is not null)
            await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_on_no_theme_ends_with_its_row_marked_counted_and_listed_by_digest_status()
    {
        var chinese = await Pipeline.UploadAndWaitForSummaryAsync("shanghai-zh.txt", Encoding.UTF8.GetBytes(ChineseArticle), Cancellation);
        var seed = await Pipeline.UploadAndWaitForSummaryAsync("sommet.txt", RunningPipeline.SeedArticle("no-theme"), Cancellation);

        var records = await Pipeline.DocumentRecordsAsync(Cancellation);
        var marked = records.Single(r => r.Id == chinese.Id);
        marked.Status.ShouldBe(DocumentStatus.Summarized);
        marked.Language.ShouldBe("zh");
        marked.NoTheme.ShouldBeTrue();
        records.Single(r => r.Id == seed.Id).NoTheme.ShouldBeFalse("the seed article has themes of the taxonomy");

        // As an operator finds it in the table (Storage Explorer, az storage entity query).
        var flagged = await new TableClient(_azurite.ConnectionString, StorageNames.DocumentsTable)
            .QueryAsync<TableEntity>(filter: "NoTheme eq true", cancellationToken: Cancellation).ToListAsync(Cancellation);
        flagged.ShouldHaveSingleItem().GetString("Id").ShouldBe(chinese.Id);

        var counted = await RunningPipeline.EventuallyAsync(
            () => Task.FromResult(_telemetry!.Measurements("digestpipeline.documents.no_theme") is [var only] ? only : null),
            "the document without theme to be counted", Cancellation);
        counted.Value.ShouldBe(1);
        counted.Tags["language"].ShouldBe("zh");

        var (exitCode, output, errors) = await DigestCommand.RunOnAsync(_azurite, "status");
        exitCode.ShouldBe(0, errors);
        output.ShouldContain("1 document(s) with no theme: not delivered", customMessage: output);
        output.ShouldContain("shanghai-zh.txt", customMessage: output);
    }
}
