namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// What a subscriber token lets its bearer do. The value is signed into the token, so a token issued for one
/// purpose is refused for any other. The numbers are part of the token format: never renumber them.
/// </summary>
public enum TokenPurpose : byte
{
    /// <summary>Confirm a subscription (double opt-in).</summary>
    Confirm = 1,

    /// <summary>Open and change the subscriber's preferences.</summary>
    Preferences = 2,

    /// <summary>Unsubscribe from every digest.</summary>
    Unsubscribe = 3,

    /// <summary>Unsubscribe from one theme; the token's subject is the theme id.</summary>
    UnsubscribeTheme = 4,

    /// <summary>View one sent digest in a browser; the token's subject is the delivery id.</summary>
    ViewDigest = 5,

    /// <summary>View a source document's page with its cited sentences; the token's subject is the document id.</summary>
    ViewDocument = 6,
}
