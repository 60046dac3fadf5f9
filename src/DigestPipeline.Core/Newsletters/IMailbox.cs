namespace DigestPipeline.Core.Newsletters;

/// <summary>The newsletter mailbox (IMAP at the Mail edge): opened once per run, its messages read and each moved out once handled.</summary>
public interface IMailbox
{
    /// <exception cref="MailboxUnavailableException">The server cannot be reached, refuses the login, or drops the connection.</exception>
    Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to the mailbox, on its newsletter folder.</summary>
public interface IMailboxSession : IAsyncDisposable
{
    /// <summary>
    /// The oldest messages of the folder, at most <paramref name="max"/>. Every message there is new: handled ones are
    /// moved out. A message over <see cref="NewsletterOptions.MaxMessageBytes"/> comes with its headers only.
    /// </summary>
    Task<IReadOnlyList<MailboxMessage>> ReadAsync(int max, CancellationToken cancellationToken);

    /// <summary>Moves the message to <paramref name="folder"/> ('/'-separated levels), creating it if missing.</summary>
    Task MoveAsync(MailboxMessage message, string folder, CancellationToken cancellationToken);
}

/// <summary>A connection failure of the mailbox: transient, the next run tries again.</summary>
public sealed class MailboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
