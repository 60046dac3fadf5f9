using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.IntegrationTests.Translation;

/// <summary>
/// A fake of a remote AI provider (Azure OpenAI, a local Ollama or llama.cpp server), which cannot run here: Kestrel on
/// 127.0.0.1 (a free port) answering OpenAI's <c>POST /v1/chat/completions</c> in OpenAI's JSON shape, deterministically.
/// A translation request (<c>{"texts": [...]}</c>) is answered with each text prefixed by <see cref="TranslationMark"/>;
/// a lead request with the first extract as translated, then a sentence with a number no extract has, which the
/// pipeline's check must replace. It counts requests and how often each text was sent to be translated; set
/// <see cref="Failing"/> and it answers 500 to everything, as a provider that is down.
/// </summary>
public sealed class FakeChatProvider : IAsyncDisposable
{
    /// <summary>What the fake puts before a text to "translate" it.</summary>
    public const string TranslationMark = "[EN] ";

    /// <summary>The sentence a lead request gets after the first extract: its number is in no extract.</summary>
    public const string InventedSentence = "Attendance reached 987654 people.";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _translated = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _authorizations = new();
    private int _requests;
    private int _leadRequests;

    private FakeChatProvider(WebApplication app) => _app = app;

    /// <summary>The base address to configure as <c>Translation:Endpoint</c> (ends with <c>/v1</c>).</summary>
    public string Endpoint { get; private set; } = "";

    public bool Failing { get; set; }

    /// <summary>The <c>Authorization</c> header of each request ("" when none).</summary>
    public IReadOnlyList<string> Authorizations => _authorizations.ToList();

    public int Requests => Volatile.Read(ref _requests);

    public int LeadRequests => Volatile.Read(ref _leadRequests);

    /// <summary>Each text sent to be translated, with how many times it was.</summary>
    public IReadOnlyDictionary<string, int> Translated => new Dictionary<string, int>(_translated, StringComparer.Ordinal);

    public static async Task<FakeChatProvider> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackWebApp.Create();
        var provider = new FakeChatProvider(app);
        app.MapPost("/v1/chat/completions", provider.CompleteAsync);
        await app.StartAsync(cancellationToken);
        provider.Endpoint = LoopbackWebApp.AddressOf(app) + "/v1";
        return provider;
    }

    private async Task<IResult> CompleteAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        _authorizations.Enqueue(request.Headers.Authorization.ToString());
        if (Failing)
            return Results.Json(new { error = new { message = "The fake provider is down.", type = "server_error" } }, statusCode: 500);

        var body = (await JsonNode.ParseAsync(request.Body))!;
        var messages = body["messages"]!.AsArray();
        var instructions = Text(messages.First(m => (string?)m!["role"] == "system")!);
        var user = Text(messages.Last(m => (string?)m!["role"] == "user")!);
        string answer;
        if (instructions.Contains("translate", StringComparison.OrdinalIgnoreCase))
        {
            var texts = JsonNode.Parse(user)!["texts"]!.AsArray().Select(t => (string)t!).ToList();
            foreach (var text in texts)
                _translated.AddOrUpdate(text, 1, (_, count) => count + 1);
            answer = JsonSerializer.Serialize(new { translations = texts.Select(t => TranslationMark + t).ToArray() });
        }
        else
        {
            Interlocked.Increment(ref _leadRequests);
            // The extracts come as "1. …" lines; the first one, translated as above, is grounded in its translation.
            var first = user.Split('\n')[0];
            answer = $"{TranslationMark}{first[(first.IndexOf(". ", StringComparison.Ordinal) + 2)..]} {InventedSentence}";
        }

        return Results.Json(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 0,
            model = (string?)body["model"] ?? "fake",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 0, completion_tokens = 0, total_tokens = 0 },
        });
    }

    /// <summary>A message's content: a string, or OpenAI's array of parts.</summary>
    private static string Text(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
        var content => (string?)content ?? "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
