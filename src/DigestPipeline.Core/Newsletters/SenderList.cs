namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// The allowed senders: an address matches itself, <c>@example.org</c> every address at that domain (not its
/// subdomains), both without regard to case. The From header is what is matched: the mail provider's own checks
/// (SPF, DKIM, DMARC) are what make it trustworthy, so the mailbox should be one that enforces them.
/// </summary>
public sealed class SenderList(IEnumerable<string> allowed)
{
    private readonly HashSet<string> _addresses = allowed.Where(a => !a.StartsWith('@')).Select(a => a.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _domains = allowed.Where(a => a.StartsWith('@')).Select(a => a.Trim()[1..].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public bool Allows(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return false;
        var normalised = address.Trim().ToLowerInvariant();
        var at = normalised.LastIndexOf('@');
        return _addresses.Contains(normalised) || (at > 0 && _domains.Contains(normalised[(at + 1)..]));
    }

    public static bool IsWellFormed(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return false;
        var at = entry.LastIndexOf('@');
        var domain = at < 0 ? "" : entry[(at + 1)..];
        return at >= 0 && entry.IndexOf('@') == at && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
