namespace DigestPipeline.Azure.Storage;

/// <summary>The containers, queues and tables of one storage account (see the README's storage layout).</summary>
public static class StorageNames
{
    public const string IncomingContainer = "incoming";
    public const string DocumentsContainer = "documents";
    public const string SummariesContainer = "summaries";
    public const string DigestsContainer = "digests";
    public const string QuarantineContainer = "quarantine";
    public const string TranslationsContainer = "translations";

    public const string IngestQueue = "ingest";
    public const string SummarizeQueue = "summarize";
    public const string DigestQueue = "digest";

    public const string DocumentsTable = "Documents";
    public const string ThemeIndexTable = "ThemeIndex";
    public const string SubscribersTable = "Subscribers";
    public const string DeliveriesTable = "Deliveries";
    public const string ConfirmationLimitsTable = "ConfirmationLimits";
    public const string RelayQuotaTable = "RelayQuota";
    public const string DueTable = "DigestsDue";
    public const string SourcesTable = "Sources";
    public const string ApiKeysTable = "ApiKeys";
    public const string ApiUploadsTable = "ApiUploads";

    public static string PoisonQueue(string queue) => queue + "-poison";

    public static IReadOnlyList<string> Containers { get; } =
        [IncomingContainer, DocumentsContainer, SummariesContainer, DigestsContainer, QuarantineContainer, TranslationsContainer];

    public static IReadOnlyList<string> Queues { get; } = [IngestQueue, SummarizeQueue, DigestQueue];

    public static IReadOnlyList<string> Tables { get; } =
        [DocumentsTable, ThemeIndexTable, SubscribersTable, DeliveriesTable, ConfirmationLimitsTable, RelayQuotaTable, DueTable, SourcesTable, ApiKeysTable, ApiUploadsTable];
}
