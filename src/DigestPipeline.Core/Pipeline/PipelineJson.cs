using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestPipeline.Core.Pipeline;

/// <summary>The one JSON convention of queue messages and stored documents: camelCase, enums as strings.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="FormatException">the text is not JSON of that shape.</exception>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                   ?? throw new FormatException($"Expected a {typeof(T).Name}, got null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
