namespace DigestPipeline.Benchmarks.Digests;

/// <summary>A loopback SMTP server the load harness started, stopped when disposed.</summary>
internal interface ISmtpSink : IAsyncDisposable
{
    int Port { get; }
}
