using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// A chat model that answers by script, in memory: it stands for the remote provider (Azure OpenAI, a local Ollama),
/// which cannot run in a unit test. It keeps every request it was sent.
/// </summary>
internal sealed class ScriptedChatClient(Func<string, string, string> answer) : IChatClient
{
    private readonly ConcurrentQueue<(string Instructions, string Request)> _requests = new();

    public IReadOnlyList<(string Instructions, string Request)> Requests => _requests.ToList();

    /// <summary>A model that fails every request, as a provider that is down does.</summary>
    public static ScriptedChatClient Failing() => new((_, _) => throw new HttpRequestException("Service Unavailable (503)"));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var instructions = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var request = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        _requests.Enqueue((instructions, request));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(instructions, request))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("The pipeline never streams.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
