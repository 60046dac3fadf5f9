using System.Text;
using DigestPipeline.Azure.Queues;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Encodes and decodes queue message text the way the Functions queue trigger does, per host.json's
/// <c>extensions:queues:messageEncoding</c>: <c>base64</c> (the default: UTF-8 bytes, base64) or <c>none</c>.
/// </summary>
public sealed class QueueMessageCodec(IOptions<QueueTriggerOptions> options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool IsBase64 => options.Value.IsBase64;

    public string Encode(string messageText) =>
        IsBase64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) : messageText;

    /// <exception cref="FormatException">the message is not valid base64 of UTF-8 text.</exception>
    public string Decode(string wireText)
    {
        if (!IsBase64)
            return wireText;
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(wireText));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("The message is base64 but not of UTF-8 text.", e);
        }
        catch (FormatException e)
        {
            throw new FormatException(
                $"The message is not valid base64 (host.json extensions:queues:messageEncoding is '{options.Value.MessageEncoding}'): {e.Message}", e);
        }
    }
}
