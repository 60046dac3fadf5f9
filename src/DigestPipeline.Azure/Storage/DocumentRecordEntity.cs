using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>A row of the Documents table: PartitionKey = document id (key-encoded), RowKey = <see cref="Row"/>.</summary>
internal sealed class DocumentRecordEntity : ITableEntity
{
    public const string Row = "status";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public string SourceName { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Reason { get; set; }

    /// <summary>Theme ids as a JSON array.</summary>
    public string? Themes { get; set; }

    /// <summary>
    /// Sentences considered by themes and summaries, and found in the text, when the document was sampled
    /// (<see cref="SentenceSample"/>); both absent for a document considered whole and for older rows.
    /// </summary>
    public int? SentencesConsidered { get; set; }

    public int? SentencesInText { get; set; }

    /// <summary>
    /// True when the document matched no theme of the taxonomy and so reaches no subscriber
    /// (<see cref="DocumentRecord.NoTheme"/>); absent otherwise, so that an operator can filter on <c>NoTheme eq true</c>.
    /// </summary>
    public bool? NoTheme { get; set; }

    public static DocumentRecordEntity From(DocumentRecord record) => new()
    {
        PartitionKey = TableKey.Encode(record.Id),
        Id = record.Id,
        SourceName = record.SourceName,
        Status = record.Status.ToString(),
        UpdatedAt = record.UpdatedAt,
        Language = record.Language,
        Title = record.Title,
        Reason = record.Reason,
        Themes = record.Themes is null ? null : PipelineJson.Serialize(record.Themes),
        SentencesConsidered = record.Sample?.Considered,
        SentencesInText = record.Sample?.InText,
        NoTheme = record.NoTheme ? true : null,
    };

    public DocumentRecord ToRecord() => new(
        Id,
        SourceName,
        Enum.Parse<DocumentStatus>(Status, ignoreCase: true),
        UpdatedAt,
        Language,
        Title,
        Reason,
        Themes is null ? null : PipelineJson.Deserialize<string[]>(Themes),
        SentencesConsidered is { } considered && SentencesInText is { } inText ? new SentenceSample(considered, inText) : null,
        NoTheme == true);
}
