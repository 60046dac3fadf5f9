using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Translation;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using DigestPipeline.IntegrationTests.Observability;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Translation;

/// <summary>
/// Translation is an enhancement: with the provider answering 500 (<see cref="FakeChatProvider"/>, a fake of the remote
/// AI provider) or refusing connections, the digests go out at once, untranslated and labelled with their language as
/// without a provider, and the operator reads one warning for the batch, without the provider's key.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class A_failing_translation_provider_never_holds_a_digest_back(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>
{
    private const string ApiKey = "sk-fake-key-that-must-never-be-logged";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("500")]
    [InlineData("refused")]
    public async Task The_digest_goes_out_untranslated_and_the_failure_is_logged_once(string failure)
    {
        await using var provider = await FakeChatProvider.StartAsync(Cancellation);
        provider.Failing = true;
        var endpoint = failure == "500" ? provider.Endpoint : $"http://127.0.0.1:{ClosedLoopbackPort.Find()}/v1";
        var logs = new LogCapture();
        await using var pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation, new Dictionary<string, string?>
        {
            ["Translation:Endpoint"] = endpoint,
            ["Translation:Model"] = "fake-model",
            ["Translation:ApiKey"] = ApiKey,
        }, configure: builder => builder.Logging.AddProvider(logs));
        await pipeline.UploadAndWaitForSummaryAsync($"down-{failure}/sommet-ia.txt", RunningPipeline.SeedArticle(variant: "down-" + failure), Cancellation);
        var now = DateTimeOffset.UtcNow;
        var readers = new[] { $"dana.{failure}@example.org", $"eli.{failure}@example.org" };
        foreach (var address in readers)
            await pipeline.SubscribeAsync(address, "en", ["health"], now, Cancellation);

        await pipeline.Get<PlanDigestsHandler>().RunAsync(now.AddMinutes(1), Cancellation);
        var emails = await maildev.WaitForEmailsAsync(e => readers.Any(r => RunningPipeline.SentTo(e, r)), 2, TimeSpan.FromSeconds(30), Cancellation);

        emails.Count.ShouldBe(2);
        foreach (var email in emails)
        {
            var text = email.Text.ShouldNotBeNull();
            text.ShouldContain("(in French)");
            text.ShouldNotContain("translated from");
            text.ShouldNotContain("Machine-written summary");
            text.ShouldContain("Santé");
        }

        var warnings = logs.Records.Where(r => r.Level >= LogLevel.Warning && r.Category == typeof(ProviderOutage).FullName).ToList();
        warnings.ShouldHaveSingleItem().Text.ShouldContain("Translation provider failed");
        logs.Records.ShouldNotContain(r => r.Text.Contains(ApiKey, StringComparison.Ordinal));
        if (failure == "500")
            provider.Requests.ShouldBeInRange(1, 2, "one call for the batch, retried once by the client");
    }
}
