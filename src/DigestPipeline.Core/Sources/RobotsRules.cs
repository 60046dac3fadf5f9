namespace DigestPipeline.Core.Sources;

/// <summary>
/// A site's robots.txt as far as a polite fetcher needs it (RFC 9309): the group naming our product token, else the
/// <c>*</c> group; its Allow and Disallow rules matched on the path's prefix (<c>*</c> any characters, a final
/// <c>$</c> the end), the longest match deciding and Allow winning a tie. No rule, or an empty Disallow, allows all.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules DisallowAll { get; } = new([("/", false)]);

    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        (List<string> Agents, List<(string, bool)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                // Consecutive user-agent lines share one group.
                if (current is null || !lastWasAgent)
                    groups.Add((current = ([], [])).Value);
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null) continue;
            if (field == "disallow" && value.Length > 0) current.Value.Rules.Add((value, false));
            else if (field == "allow" && value.Length > 0) current.Value.Rules.Add((value, true));
        }

        var token = productToken.ToLowerInvariant();
        var ours = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))).ToList();
        var chosen = ours.Count > 0 ? ours : groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(chosen.SelectMany(g => g.Rules).ToList());
    }

    /// <param name="pathAndQuery">The URL's path and query, as sent (<see cref="Uri.PathAndQuery"/>).</param>
    public bool IsAllowed(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (pattern.Length > best || (pattern.Length == best && allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    /// <summary>A rule as a regular expression anchored at the path's start: <c>*</c> any characters, a final <c>$</c> the end.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = System.Text.RegularExpressions.Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.IsMatch(path, "^" + body + (anchored ? "$" : ""),
            System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
