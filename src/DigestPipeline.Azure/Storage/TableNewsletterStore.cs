using Azure.Data.Tables;
using DigestPipeline.Core.Newsletters;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The newsletters' rows of the Sources table, beside the feeds': partition <c>mailbox</c> holds one row per mailbox
/// (RowKey its name: user, host, port and folder) with its state; partition <c>newsletter</c> one row per message
/// handled (RowKey the hash of its Message-ID), with what it became and the reason when something was refused.
/// </summary>
public sealed class TableNewsletterStore(TableServiceClient tables) : INewsletterStore
{
    private const string MailboxPartition = "mailbox";
    private const string MessagePartition = "newsletter";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.SourcesTable);

    public async Task<MailboxState?> GetMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(MailboxPartition, TableKey.Encode(mailbox), cancellationToken: cancellationToken);
        return row.HasValue ? ToState(row.Value!) : null;
    }

    public async Task<IReadOnlyList<MailboxState>> ListMailboxesAsync(CancellationToken cancellationToken)
    {
        var states = new List<MailboxState>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == MailboxPartition, cancellationToken: cancellationToken))
            states.Add(ToState(row));
        return states;
    }

    public Task SaveMailboxAsync(MailboxState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = new TableEntity(MailboxPartition, TableKey.Encode(state.Mailbox))
        {
            ["Mailbox"] = state.Mailbox,
            ["NextRunAt"] = state.NextRunAt,
            ["LastRunAt"] = state.LastRunAt,
            ["LastSuccessAt"] = state.LastSuccessAt,
            ["LastErrorAt"] = state.LastErrorAt,
            ["LastError"] = state.LastError,
            ["ConsecutiveFailures"] = state.ConsecutiveFailures,
            ["MessagesTaken"] = state.MessagesTaken,
            ["MessagesRefused"] = state.MessagesRefused,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public Task SaveMessageAsync(NewsletterRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(MessagePartition, TableKey.Encode(record.Hash))
        {
            ["MessageId"] = record.MessageId,
            ["From"] = record.From,
            ["Subject"] = record.Subject,
            ["HandledAt"] = record.HandledAt,
            ["BlobName"] = record.BlobName,
            ["Title"] = record.Title,
            ["Attachments"] = record.Attachments,
            ["MovedTo"] = record.MovedTo,
            ["Problem"] = record.Problem,
            ["HasProblem"] = record.Problem is not null,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<NewsletterRecord>> ListProblemsAsync(int max, CancellationToken cancellationToken)
    {
        var records = new List<NewsletterRecord>();
        await foreach (var r in _table.QueryAsync<TableEntity>(r => r.PartitionKey == MessagePartition && r.GetBoolean("HasProblem") == true, cancellationToken: cancellationToken))
        {
            records.Add(new NewsletterRecord(
                r.RowKey,
                r.GetString("MessageId"),
                r.GetString("From"),
                r.GetString("Subject"),
                r.GetDateTimeOffset("HandledAt") ?? DateTimeOffset.MinValue,
                r.GetString("BlobName"),
                r.GetString("Title"),
                r.GetInt32("Attachments") ?? 0,
                r.GetString("MovedTo") ?? "",
                r.GetString("Problem")));
        }

        return records.OrderByDescending(r => r.HandledAt).Take(max).ToList();
    }

    private static MailboxState ToState(TableEntity r) => new(
        r.GetString("Mailbox") ?? r.RowKey,
        r.GetDateTimeOffset("NextRunAt") ?? DateTimeOffset.MinValue,
        r.GetDateTimeOffset("LastRunAt"),
        r.GetDateTimeOffset("LastSuccessAt"),
        r.GetDateTimeOffset("LastErrorAt"),
        r.GetString("LastError"),
        r.GetInt32("ConsecutiveFailures") ?? 0,
        r.GetInt64("MessagesTaken") ?? 0,
        r.GetInt64("MessagesRefused") ?? 0);
}
