using System.Text;

namespace DigestPipeline.IntegrationTests.Poison;

/// <summary>Queue message text as the queue trigger's default encoding (base64 of UTF-8) stores it.</summary>
internal static class Base64Text
{
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Decode(string wire) => Encoding.UTF8.GetString(Convert.FromBase64String(wire));
}
