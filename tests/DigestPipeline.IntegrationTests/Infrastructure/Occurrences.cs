namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>Counts a piece of text in a host's log.</summary>
internal static class Occurrences
{
    public static int Of(string part, string text)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
