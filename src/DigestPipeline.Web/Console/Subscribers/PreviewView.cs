namespace DigestPipeline.Web.Console.Subscribers;

/// <summary>The digest a subscriber would get now: its window, its subject and text part, and where its HTML part is.</summary>
/// <param name="Active">Only active subscribers are sent digests: the page says so for the others.</param>
/// <param name="HasDigest">False when the window holds nothing new.</param>
internal sealed record PreviewView(
    string Id,
    string Email,
    bool Active,
    string DeliveryId,
    string After,
    string UpTo,
    int Items,
    bool WouldBeSent,
    bool HasDigest,
    string Subject,
    string Text,
    string HtmlUrl);
