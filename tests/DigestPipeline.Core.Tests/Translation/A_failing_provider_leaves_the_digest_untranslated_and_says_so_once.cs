using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// Translation is an enhancement: when the provider fails, the digest goes out as it would without one (the caller
/// gets its content back unchanged, nothing thrown), the operator is told once per outage, and the provider is not
/// asked again by every digest of the pause.
/// </summary>
public sealed class A_failing_provider_leaves_the_digest_untranslated_and_says_so_once
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digests_during_an_outage_go_out_untranslated_with_one_warning_and_one_request()
    {
        var world = new TranslationWorld(ScriptedChatClient.Failing());
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        var outcomes = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == world.Telemetry.Meter && instrument.Name == "digestpipeline.translation.steps")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
                outcomes.Add(string.Join('/', tags.ToArray().Select(t => t.Value)));
        });
        listener.Start();

        var first = await world.Enricher.EnrichAsync([content], Cancellation);
        var second = await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("b@example.org")], Cancellation);

        first.ShouldHaveSingleItem().Themes[0].Items[0].ShouldBe(content.Themes[0].Items[0]);
        first[0].Themes[0].Lead.ShouldBeEmpty();
        second[0].Themes[0].Items[0].Translation.ShouldBeNull();
        second[0].Themes[0].Lead.ShouldBeEmpty();
        world.Chat.Requests.Count.ShouldBe(1);
        var warning = world.OutageLog.Records.Where(r => r.Level >= LogLevel.Warning).ShouldHaveSingleItem();
        warning.Message.ShouldContain("Service Unavailable (503)");
        // The metric tells it too: one failed step, the others skipped during the pause.
        outcomes.ShouldBe(["translate/failed", "lead/skipped", "translate/skipped", "lead/skipped"]);
    }

    [Fact]
    public async Task After_the_pause_the_provider_is_asked_again_and_its_return_is_told()
    {
        var failing = true;
        var chat = new ScriptedChatClient((instructions, request) => failing
            ? throw new HttpRequestException("Connection refused")
            : TranslationWorld.Answer(instructions, request));
        var world = new TranslationWorld(chat);

        await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], Cancellation);
        failing = false;
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], Cancellation);

        later[0].Themes[0].Items[0].Translation.ShouldNotBeNull();
        world.OutageLog.Records.Select(r => r.Level).ShouldBe([LogLevel.Warning, LogLevel.Information]);
        world.Outage.IsDown.ShouldBeFalse();
    }
}
