namespace DigestPipeline.Core.Language;

/// <summary>Language tags as documents and subscribers carry them (<c>fr</c>, <c>fr-CA</c>, <c>en_US</c>).</summary>
public static class LanguageTag
{
    /// <summary>The primary subtag in lower case: <c>fr-CA</c> and <c>FR</c> are <c>fr</c>; empty for none.</summary>
    public static string Primary(string? tag)
    {
        var primary = (tag ?? "").Trim();
        var dash = primary.IndexOfAny(['-', '_']);
        return (dash >= 0 ? primary[..dash] : primary).ToLowerInvariant();
    }
}
