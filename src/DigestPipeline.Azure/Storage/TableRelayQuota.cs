using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The relay quota shared through the RelayQuota table: one row holds the next free turn (UTC ticks). Taking a turn
/// is an ETag-conditional read-modify-write that moves it on by <see cref="Spacing"/>, so hosts taking turns at once
/// never get the same one, and the turns of all hosts together are at least that far apart. (A generic cell-rate
/// algorithm: no counters per window, so no burst at a window's edge.) Two table operations per message; a turn
/// further than <c>maxWait</c> ahead is not taken.
/// </summary>
public sealed class TableRelayQuota(TableServiceClient tables, TimeProvider time) : IRelayQuota, IDisposable
{
    private const string PartitionKey = "relay";
    private const string RowKey = "next-turn";
    private const string NextTurnProperty = "NextTurnTicks";

    /// <summary>Each attempt lost is another host's turn taken; only a pathological contention exhausts this.</summary>
    private const int MaxAttempts = 100;

    /// <summary>
    /// One turn-taking at a time per host: the row is contended by hosts, not by every message a host has in flight
    /// (48 at once from three local hosts lost most of their attempts to each other and fell into the queue's retries).
    /// Only the table round trip is serialized, not the wait for the turn.
    /// </summary>
    private readonly SemaphoreSlim _taking = new(1, 1);

    /// <summary>
    /// What the time from a turn to the relay's acceptance may vary by (connection reuse, the relay's own latency):
    /// spacing the turns over 62 s instead of 60 keeps any 60 s of acceptances within the quota despite it, at the
    /// cost of 3% of the quota. (Measured here: turns exactly 1 s apart gave 61 acceptances in a 60-s window.)
    /// </summary>
    private static readonly TimeSpan SendTimeVariation = TimeSpan.FromSeconds(2);

    private readonly TableClient _quota = tables.GetTableClient(StorageNames.RelayQuotaTable);

    /// <summary>How far apart turns are for a quota of <paramref name="perMinute"/>: (60 s + <see cref="SendTimeVariation"/>) / quota.</summary>
    public static TimeSpan Spacing(int perMinute) => (TimeSpan.FromMinutes(1) + SendTimeVariation) / perMinute;

    public async Task<DateTimeOffset> WaitForTurnAsync(int perMinute, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        DateTimeOffset turn, now;
        await _taking.WaitAsync(cancellationToken);
        try
        {
            (turn, now) = await TakeTurnAsync(Spacing(perMinute), maxWait, cancellationToken);
        }
        finally
        {
            _taking.Release();
        }

        if (turn > now)
            await Task.Delay(turn - now, time, cancellationToken);
        return turn;
    }

    private async Task<(DateTimeOffset Turn, DateTimeOffset Now)> TakeTurnAsync(TimeSpan spacing, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await _quota.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
            var stored = response.HasValue ? response.Value : null;
            var now = time.GetUtcNow();
            var next = stored?.GetInt64(NextTurnProperty) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : now;
            var turn = next > now ? next : now;
            if (turn - now > maxWait)
                throw new RelayQuotaDeferredException(turn - maxWait);

            var row = new TableEntity(PartitionKey, RowKey) { [NextTurnProperty] = (turn + spacing).UtcTicks };
            try
            {
                if (stored is null)
                    await _quota.AddEntityAsync(row, cancellationToken);
                else
                    await _quota.UpdateEntityAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken);
                return (turn, now);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another host took this turn first: look again after a few milliseconds, at random, so that hosts
                // that collided do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }

    public void Dispose() => _taking.Dispose();
}
