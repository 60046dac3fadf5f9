using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class InMemoryDigestArchive : IDigestArchive
{
    public Dictionary<string, string> Html { get; } = [];

    /// <summary>While set, saving fails as a storage outage would.</summary>
    public bool Unreachable { get; set; }

    public Task SaveAsync(string deliveryId, string html, CancellationToken cancellationToken)
    {
        if (Unreachable)
            throw new IOException("Connection refused (storage unreachable)");
        Html[deliveryId] = html;
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(Html.GetValueOrDefault(deliveryId));
}
