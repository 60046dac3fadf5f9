using Azure;
using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>Reads the Documents table as a test watching the pipeline does: how many documents are summarized.</summary>
internal static class SummarizedDocuments
{
    /// <returns>How many status rows say <c>Summarized</c>, or null while storage does not answer (an outage under test).</returns>
    public static async Task<int?> CountAsync(string connectionString)
    {
        try
        {
            return await new TableClient(connectionString, StorageNames.DocumentsTable)
                .QueryAsync<TableEntity>(r => r.RowKey == "status" && r.GetString("Status") == nameof(DocumentStatus.Summarized), select: ["Status"],
                    cancellationToken: TestContext.Current.CancellationToken)
                .CountAsync(TestContext.Current.CancellationToken);
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }
}
