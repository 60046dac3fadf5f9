namespace DigestPipeline.Web.Pages;

/// <summary>What the layout (<c>layout.liquid</c>) sees: the page's language and title, the stylesheet and the rendered body (both raw), the links of its top bar.</summary>
/// <param name="OtherLanguageUrl">The same page in the other language; empty on pages reached by a personal link (their language is the subscriber's).</param>
/// <param name="Script">A fixed script its page's policy allows by hash; empty for none.</param>
/// <param name="Section">The part of the console the page belongs to (its menu marks it); empty elsewhere.</param>
internal sealed record PageFrameView(string Lang, string Title, string Style, string Body, string HomeUrl, string OtherLanguageUrl, string Script, string Section = "");
