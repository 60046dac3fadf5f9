using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class InMemoryDigestArchive : IDigestArchive
{
    public Dictionary<string, string> Html { get; } = [];

    public Task SaveAsync(string deliveryId, string html, CancellationToken cancellationToken)
    {
        Html[deliveryId] = html;
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(Html.GetValueOrDefault(deliveryId));
}
