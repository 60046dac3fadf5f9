namespace DigestPipeline.Core.Newsletters;

/// <summary>A newsletter's article: its main content (HTML, chrome removed), its own heading as title, its "view in browser" address.</summary>
public sealed record NewsletterArticle(string Html, string Title, Uri? BrowserLink);
