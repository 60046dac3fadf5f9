using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DigestPipeline.Core.Email;

namespace DigestPipeline.Benchmarks.ListScale;

/// <summary>
/// Wraps the host's mail sender and notes when the SMTP server accepted each digest, on the run's clock (the sink,
/// aiosmtpd's <c>Sink</c> handler, keeps nothing, so "in the sink" is "accepted by it"); and listens to the
/// pipeline's own counters of digests sent and skipped, so that the run is over when every planned digest has an
/// outcome, without asking storage.
/// </summary>
internal sealed class DeliveredDigests : IDisposable
{
    private readonly ConcurrentQueue<TimeSpan> _accepted = new();
    private readonly Stopwatch _clock;
    private readonly MeterListener _listener = new();
    private long _outcomes;

    public DeliveredDigests(Stopwatch clock)
    {
        _clock = clock;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "digestpipeline.digests.sent" or "digestpipeline.digests.skipped")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _outcomes, value));
        _listener.Start();
    }

    public int Count => _accepted.Count;

    /// <summary>Digests sent or skipped (nothing new on their themes) so far.</summary>
    public long Outcomes => Interlocked.Read(ref _outcomes);

    public TimeSpan Last => _accepted.IsEmpty ? TimeSpan.Zero : _accepted.Max();

    /// <summary>Starts counting again (a new round).</summary>
    public void Reset()
    {
        _accepted.Clear();
        Interlocked.Exchange(ref _outcomes, 0);
    }

    public IMailSender Around(IMailSender inner) => new Recording(inner, this);

    /// <summary>Waits until <paramref name="planned"/> digests have an outcome; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(int planned, TimeSpan timeout, Action<int> progress, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (Outcomes < planned)
        {
            if (deadline.Elapsed > timeout)
                return false;
            if (deadline.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = deadline.Elapsed;
                progress(Count);
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Recording(IMailSender inner, DeliveredDigests delivered) : IMailSender
    {
        public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
        {
            await inner.SendAsync(email, cancellationToken);
            delivered._accepted.Enqueue(delivered._clock.Elapsed);
        }
    }
}
