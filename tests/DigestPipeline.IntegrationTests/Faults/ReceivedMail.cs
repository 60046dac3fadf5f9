using MimeKit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// The messages a maildev started with <c>--mail-directory</c> accepted, read from its .eml files: they survive
/// the server being stopped (its REST API only knows what is in its memory). A file still being written, or cut
/// by the server's death before the end of DATA, does not parse and is not a delivered message.
/// </summary>
internal sealed record ReceivedMail(string File, string MessageId, string Recipient)
{
    public static IReadOnlyList<ReceivedMail> ReadAll(string mailDirectory)
    {
        var received = new List<ReceivedMail>();
        foreach (var file in Directory.EnumerateFiles(mailDirectory, "*.eml"))
        {
            try
            {
                var message = MimeMessage.Load(file);
                if (message.MessageId is { } id && message.To.Mailboxes.SingleOrDefault() is { } to)
                    received.Add(new ReceivedMail(Path.GetFileName(file), id, to.Address.ToLowerInvariant()));
            }
            catch (FormatException)
            {
                // Incomplete: see the summary.
            }
        }

        return received;
    }
}
