namespace DigestPipeline.Core.Email;

/// <summary>Delivers a composed digest: over SMTP, or into a pickup folder.</summary>
public interface IMailSender
{
    /// <exception cref="RecipientRejectedException">the server refused the recipient for good (a bounce): not to be retried.</exception>
    /// <exception cref="Exception">any other failure propagates, so the delivery is retried.</exception>
    Task SendAsync(EmailMessage email, CancellationToken cancellationToken);
}
