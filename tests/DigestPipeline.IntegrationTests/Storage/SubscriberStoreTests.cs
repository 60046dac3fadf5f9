using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class SubscriberStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private ISubscriberStore Store => _services!.GetRequiredService<ISubscriberStore>();

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    private static Subscriber NewSubscriber(string email, SubscriberState state = SubscriberState.Active) =>
        new(Subscriber.IdFor(email), email, "Ada", ["energy", "health"], "fr", "0 7 * * 1", "Europe/Paris", state, T0);

    [Fact]
    public async Task Subscriber_round_trips_with_its_themes()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = NewSubscriber("round.trip@example.org");
        await Store.UpsertAsync(subscriber, ct);

        var read = await Store.GetAsync(subscriber.Id, ct);

        read.ShouldNotBeNull();
        read.Themes.ShouldBe(["energy", "health"]);
        (read with { Themes = subscriber.Themes }).ShouldBe(subscriber);
        (await Store.GetAsync("nobody", ct)).ShouldBeNull();
    }

    [Fact]
    public async Task The_languages_a_subscriber_also_reads_round_trip_and_change_with_their_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = NewSubscriber("reads.more@example.org") with { AlsoReads = ["en", "de"] };
        await Store.UpsertAsync(subscriber, ct);

        var read = (await Store.GetAsync(subscriber.Id, ct)).ShouldNotBeNull();
        var changed = await Store.ChangeSettingsAsync(subscriber.Id, s => s with { AlsoReads = ["es"] }, ct);
        var listed = new List<Subscriber>();
        await foreach (var s in Store.ListActiveAsync(ct))
            listed.Add(s);

        read.AlsoReads.ShouldBe(["en", "de"]);
        read.Reads("de").ShouldBeTrue();
        changed.ShouldNotBeNull().AlsoReads.ShouldBe(["es"]);
        (await Store.GetAsync(subscriber.Id, ct))!.AlsoReads.ShouldBe(["es"]);
        listed.Single(s => s.Id == subscriber.Id).AlsoReads.ShouldBe(["es"]);
    }

    [Fact]
    public async Task A_row_written_before_reading_languages_reads_as_its_digest_language_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = NewSubscriber("older.row@example.org");
        // The row as the store wrote it before subscribers chose languages: no AlsoReads property.
        var table = _services!.GetRequiredService<global::Azure.Data.Tables.TableServiceClient>().GetTableClient(StorageNames.SubscribersTable);
        await table.UpsertEntityAsync(new global::Azure.Data.Tables.TableEntity(TableKey.Encode(subscriber.Id), SubscriberEntity.Row)
        {
            ["Id"] = subscriber.Id, ["Email"] = subscriber.Email, ["DisplayName"] = subscriber.DisplayName, ["Themes"] = "[\"energy\",\"health\"]",
            ["Language"] = "fr", ["Schedule"] = subscriber.Schedule, ["TimeZone"] = subscriber.TimeZone, ["State"] = "Active", ["CreatedAt"] = T0,
        }, cancellationToken: ct);

        var read = (await Store.GetAsync(subscriber.Id, ct)).ShouldNotBeNull();

        read.AlsoReads.ShouldBeEmpty();
        read.Reads("fr").ShouldBeTrue();
        read.Reads("en").ShouldBeFalse();
        (read with { Themes = subscriber.Themes }).ShouldBe(subscriber);
    }

    [Fact]
    public async Task Only_active_subscribers_are_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        var active = NewSubscriber("active@example.org");
        var gone = NewSubscriber("gone@example.org", SubscriberState.Unsubscribed);
        await Store.UpsertAsync(active, ct);
        await Store.UpsertAsync(gone, ct);

        var listed = new List<string>();
        await foreach (var s in Store.ListActiveAsync(ct))
            listed.Add(s.Email);

        listed.ShouldContain(active.Email);
        listed.ShouldNotContain(gone.Email);
    }

    [Fact]
    public async Task A_new_subscriber_gets_an_empty_progress_row_so_their_first_digest_reads_no_old_marks_and_a_return_keeps_theirs()
    {
        var ct = TestContext.Current.CancellationToken;
        var deliveries = _services!.GetRequiredService<global::Azure.Data.Tables.TableServiceClient>().GetTableClient(StorageNames.DeliveriesTable);
        var subscriber = NewSubscriber("progress.row@example.org");
        await Store.UpsertAsync(subscriber, ct);

        var row = await deliveries.GetEntityIfExistsAsync<global::Azure.Data.Tables.TableEntity>(subscriber.Id, "progress", cancellationToken: ct);
        row.HasValue.ShouldBeTrue();
        row.Value!.GetDateTimeOffset("DeliveredUpTo").ShouldBeNull();

        // Received up to T0, then removed from Subscribers and signed up again: what they received stands.
        await deliveries.UpsertEntityAsync(new global::Azure.Data.Tables.TableEntity(subscriber.Id, "progress") { ["SubscriberId"] = subscriber.Id, ["DeliveredUpTo"] = T0 }, cancellationToken: ct);
        await _services!.GetRequiredService<global::Azure.Data.Tables.TableServiceClient>().GetTableClient(StorageNames.SubscribersTable).DeleteEntityAsync(subscriber.Id, "subscriber", cancellationToken: ct);
        await Store.UpsertAsync(subscriber, ct);
        (await _services!.GetRequiredService<Core.Digests.IDeliveryLedger>().GetProgressAsync(subscriber.Id, ct)).DeliveredUpTo.ShouldBe(T0);
    }
}
