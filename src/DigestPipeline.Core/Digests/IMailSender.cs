namespace DigestPipeline.Core.Digests;

/// <summary>Delivers a composed digest: over SMTP, or into a pickup folder.</summary>
public interface IMailSender
{
    /// <exception cref="Exception">any failure propagates, so the delivery is retried.</exception>
    Task SendAsync(DigestEmail email, CancellationToken cancellationToken);
}
