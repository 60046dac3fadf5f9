using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// Records the measurements and finished spans of one host's <see cref="PipelineTelemetry"/>, as an exporter would
/// see them. It listens to that instance's meter and activity source only, so hosts of other tests running at the
/// same time in this process (same names, other instances) do not count.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _spans = new();

    public TelemetryRecorder(PipelineTelemetry telemetry)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.ActivitySource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public IReadOnlyList<Measurement> Measurements(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    public double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);

    public IReadOnlyList<Activity> Spans(string name) => _spans.Where(a => a.OperationName == name).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}
