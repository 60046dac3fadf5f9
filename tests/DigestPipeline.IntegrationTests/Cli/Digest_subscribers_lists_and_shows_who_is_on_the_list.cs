using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest subscribers list|show</c> on Azurite: counts by state, a search by part of an address, one subscriber's
/// settings and their digests newest first.
/// </summary>
public sealed class Digest_subscribers_lists_and_shows_who_is_on_the_list(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Since = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static Subscriber Someone(string email, string name, SubscriberState state) =>
        new(Subscriber.IdFor(email), email, name, ["energy", "health"], "fr", "0 7 * * 1", "Europe/Paris", state, Since) { AlsoReads = ["en"] };

    [Fact]
    public async Task Counts_by_state_a_search_and_one_subscribers_settings_and_digests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices();
        await services.GetRequiredService<Azure.Storage.StorageInitializer>().InitializeAsync(ct);
        var store = services.GetRequiredService<ISubscriberStore>();
        var ines = Someone("ines.roux@example.org", "Inès Roux", SubscriberState.Active);
        await store.UpsertAsync(ines, ct);
        await store.UpsertAsync(Someone("paul.roux@example.org", "Paul Roux", SubscriberState.Pending), ct);
        await store.UpsertAsync(Someone("max@example.net", "Max", SubscriberState.Unsubscribed), ct);
        var ledger = services.GetRequiredService<IDeliveryLedger>();
        foreach (var week in new[] { 0, 1 })
        {
            var period = Since.AddDays(7 * (week + 1));
            await ledger.ClaimAsync(new Delivery(ines.Id, period, DeliveryState.Claimed, period, period.AddDays(-7), period, $"<week{week}@digest.test>"), ct);
        }

        var list = await DigestCommand.RunOnAsync(azurite, "subscribers", "list", "--search", "ROUX");

        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldContain("3 subscriber(s): 1 active, 1 unsubscribed, 0 bouncing, 1 pending");
        list.Output.ShouldContain("ines.roux@example.org");
        list.Output.ShouldContain("paul.roux@example.org");
        list.Output.ShouldNotContain("max@example.net", customMessage: "not matching the search");
        (await DigestCommand.RunOnAsync(azurite, "subscribers", "list", "--state", "Unsubscribed")).Output.ShouldContain("max@example.net");

        var show = await DigestCommand.RunOnAsync(azurite, "subscribers", "show", "Ines.Roux@example.org");

        show.ExitCode.ShouldBe(0, show.Errors);
        show.Output.ShouldContain("fr (also reads en)");
        show.Output.ShouldContain("0 7 * * 1 in Europe/Paris");
        show.Output.IndexOf("<week1@digest.test>", StringComparison.Ordinal).ShouldBeLessThan(
            show.Output.IndexOf("<week0@digest.test>", StringComparison.Ordinal), "newest first");
        (await DigestCommand.RunOnAsync(azurite, "subscribers", "show", "nobody@example.org")).ExitCode.ShouldBe(1);
    }
}
