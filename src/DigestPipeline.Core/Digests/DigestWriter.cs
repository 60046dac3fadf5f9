using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Writes a delivery's digest: what is new in its window, translated and with theme leads when a provider is configured
/// (<see cref="DigestEnricher"/>), then the email, archived for "view in browser" before it is sent.
/// </summary>
public sealed class DigestWriter(DigestContentCollector collector, DigestComposer composer, IDigestArchive archive, IOptions<DigestOptions> options,
    DigestEnricher? enricher = null)
{
    /// <summary>
    /// The content of each claimed delivery, collected together (see <see cref="DigestContentCollector"/>), then enriched
    /// together: a document foreign to several digests of the batch is translated once.
    /// </summary>
    public async Task<IReadOnlyList<DigestContent>> CollectAsync(IReadOnlyList<(Subscriber Subscriber, Delivery Delivery)> claimed, CancellationToken cancellationToken)
    {
        var contents = await collector.CollectAsync(
            claimed.Select(c => new DigestWindow(c.Subscriber, c.Delivery.Period, c.Delivery.ContentAfter, c.Delivery.ContentUpTo)).ToList(), cancellationToken);
        return enricher is null ? contents : await enricher.EnrichAsync(contents, cancellationToken);
    }

    /// <summary>The email of the delivery, archived for "view in browser" before it is sent.</summary>
    public async Task<EmailMessage> WriteAsync(DigestContent content, Delivery delivery, CancellationToken cancellationToken)
    {
        var email = Compose(content, delivery);
        await archive.SaveAsync(delivery.Id, email.HtmlBody, cancellationToken);
        return email;
    }

    /// <summary>The email of the delivery, nothing stored: what <see cref="WriteAsync"/> archives and sends, and what <see cref="DigestPreview"/> shows.</summary>
    public EmailMessage Compose(DigestContent content, Delivery delivery) =>
        DigestMail.For(composer.Compose(content, delivery.Id), content.Subscriber, delivery, options.Value);
}
