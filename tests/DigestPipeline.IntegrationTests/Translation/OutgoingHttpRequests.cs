using System.Collections.Concurrent;
using System.Diagnostics;

namespace DigestPipeline.IntegrationTests.Translation;

/// <summary>
/// Every HTTP request any <see cref="HttpClient"/> of this process sends while it is alive (the storage SDK's, OpenAI's
/// client's), seen through .NET's own diagnostic events: a test can tell where the pipeline sent something.
/// </summary>
public sealed class OutgoingHttpRequests : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentQueue<Uri> _uris = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public OutgoingHttpRequests() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public IReadOnlyList<Uri> Uris => _uris.ToList();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "HttpHandlerDiagnosticListener")
            return;
        lock (_subscriptions)
            _subscriptions.Add(listener.Subscribe(this, (name, _, _) => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal)));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "System.Net.Http.HttpRequestOut.Start"
            && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri })
        {
            _uris.Enqueue(uri);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
                subscription.Dispose();
        }
    }
}
