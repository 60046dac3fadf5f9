using System.Text.Json;
using Microsoft.Extensions.AI;

namespace DigestPipeline.Core.Translation;

/// <summary>How this pipeline asks a chat model: deterministic sampling, one request at a time under a timeout.</summary>
internal static class ChatRequests
{
    /// <summary>The model's answer as text; the request cancelled after <paramref name="timeout"/>.</summary>
    public static async Task<string> AskAsync(IChatClient chat, string instructions, string request, bool json, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var options = new ChatOptions { Temperature = 0 };
        if (json)
            options.ResponseFormat = ChatResponseFormat.Json;
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, request)], options, linked.Token);
            return response.Text ?? "";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the provider did not answer within {timeout}");
        }
    }

    /// <summary>The array of strings under <paramref name="property"/> in the first JSON object of <paramref name="answer"/>.</summary>
    /// <exception cref="InvalidDataException">The answer holds no such object, or not exactly <paramref name="count"/> strings.</exception>
    public static IReadOnlyList<string> Strings(string answer, string property, int count)
    {
        var open = answer.IndexOf('{', StringComparison.Ordinal);
        var close = answer.LastIndexOf('}');
        if (open < 0 || close < open)
            throw new InvalidDataException("the provider's answer holds no JSON object");
        try
        {
            using var document = JsonDocument.Parse(answer.AsMemory(open, close - open + 1));
            if (document.RootElement.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
                && array.GetArrayLength() == count && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                return array.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("the provider's answer is not valid JSON", e);
        }

        throw new InvalidDataException($"the provider's answer does not hold {count} strings under \"{property}\"");
    }
}
