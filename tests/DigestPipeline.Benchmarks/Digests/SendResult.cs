namespace DigestPipeline.Benchmarks.Digests;

/// <param name="Sender">What sent: the pool (<c>SmtpMailSender</c>) or a plain MailKit loop.</param>
internal sealed record SendResult(string Sink, string Sender, int Connections, int Messages, TimeSpan Elapsed)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
