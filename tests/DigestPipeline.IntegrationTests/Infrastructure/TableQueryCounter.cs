using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the query requests a table client sends to one table and the rows their responses carry, so that a test
/// can say how much of a table a reader read, page by page, rather than only what it returned.
/// </summary>
internal sealed class TableQueryCounter : HttpPipelinePolicy
{
    private readonly string _queryPath;
    private int _requests;
    private int _rows;

    private TableQueryCounter(string table) => _queryPath = $"/{table}()";

    public int Requests => _requests;

    public int Rows => _rows;

    /// <summary>A table service client whose queries of <paramref name="table"/> are counted by the returned counter.</summary>
    public static (TableServiceClient Tables, TableQueryCounter Counter) Client(string connectionString, string table)
    {
        var counter = new TableQueryCounter(table);
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return (new TableServiceClient(connectionString, options), counter);
    }

    public void Reset() => (_requests, _rows) = (0, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || !message.Request.Uri.Path.EndsWith(_queryPath, StringComparison.Ordinal) || message.Response.IsError)
            return;
        // A query's response is the page of rows as JSON, {"value": [...]}; the SDK buffers it before it is parsed.
        using var page = JsonDocument.Parse(message.Response.Content);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _rows, page.RootElement.GetProperty("value").GetArrayLength());
    }
}
