using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// Takes out of a newsletter's HTML what every issue repeats around its article, before main-content extraction
/// (Readability keeps much of it: a footer in a table cell reads as a paragraph like any other): hidden preheader
/// text, tracking pixels, "view in browser", share and social links, calls to action, the footer with its postal
/// address, unsubscribe and preferences text, in English and French; and the header a mail client writes above a
/// newsletter forwarded inline.
/// </summary>
/// <remarks>
/// Lines are removed as the smallest block that holds the phrase (a paragraph, a table cell, a list item), and only a
/// short one (<see cref="MaxChromeBlock"/> characters), so that an article paragraph that happens to say "unsubscribe"
/// stays. Hidden text is what a mail client does not show: <c>display:none</c>, <c>visibility:hidden</c>,
/// <c>mso-hide:all</c>, <c>max-height:0</c>, <c>opacity:0</c>, and <c>font-size:0</c> unless a descendant sets a size
/// of its own again (responsive templates put <c>font-size:0</c> on column wrappers to remove the gaps between columns).
/// </remarks>
public static partial class NewsletterChrome
{
    /// <summary>The longest block (in characters of text) taken as chrome when it holds a chrome phrase.</summary>
    public const int MaxChromeBlock = 400;

    /// <summary>The longest block taken as a postal address (the patterns are looser than the phrases').</summary>
    private const int MaxAddressBlock = 200;

    /// <summary>The longest text of a call to action (a button's label).</summary>
    private const int MaxButtonText = 60;

    private const string Blocks = "p, div, td, th, li, dd, dt, h1, h2, h3, h4, h5, h6, center, table, tr, tbody, section, header, footer, aside, span, font, small, blockquote";

    private static readonly string[] SocialHosts =
    [
        "facebook.com", "fb.com", "twitter.com", "x.com", "linkedin.com", "instagram.com", "youtube.com", "youtu.be", "tiktok.com",
        "pinterest.com", "t.me", "wa.me", "whatsapp.com", "threads.net", "bsky.app", "mastodon.social", "reddit.com",
    ];

    /// <summary>Cleans <paramref name="document"/> in place.</summary>
    public static void Remove(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, iframe, object, embed, form, input, button, select, textarea").ToList())
            element.Remove();
        foreach (var element in document.All.Where(IsHidden).ToList())
            element.Remove();
        foreach (var image in document.QuerySelectorAll("img").Where(IsTrackingPixel).ToList())
            image.Remove();
        foreach (var element in document.All.Where(IsFooterByName).ToList())
            element.Remove();
        RemoveChromeBlocks(document);
        foreach (var anchor in document.QuerySelectorAll("a").Where(IsChromeLink).ToList())
            anchor.Remove();
    }

    /// <summary>The issue's own address, from its "view in browser" link (an http or https one), if it has one.</summary>
    public static Uri? BrowserLink(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var text = Text(anchor);
            var context = anchor.ParentElement is { } parent ? Text(parent) : text;
            if ((ViewInBrowser().IsMatch(text) || (text.Length <= 40 && context.Length <= MaxChromeBlock && ViewInBrowser().IsMatch(context)))
                && Uri.TryCreate(anchor.GetAttribute("href")?.Trim(), UriKind.Absolute, out var link)
                && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
                return link;
        }

        return null;
    }

    /// <summary>Whether a short text is a chrome line (what the block pass removes), for measuring and for plain-text parts.</summary>
    public static bool IsChromeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Collapse(text);
        if (normalised.Length == 0 || normalised.Length > MaxChromeBlock)
            return false;
        return ViewInBrowser().IsMatch(normalised) || Unsubscribe().IsMatch(normalised) || Legal().IsMatch(normalised) || ForwardHeader().IsMatch(normalised)
               || Share().IsMatch(normalised) || SocialNames().IsMatch(normalised)
               || (normalised.Length <= MaxButtonText && CallToAction().IsMatch(normalised))
               || (normalised.Length <= MaxAddressBlock && (IsPostalAddress(normalised) || ForwardHeaderField().IsMatch(normalised)));
    }

    /// <summary>
    /// The deepest short blocks holding a chrome phrase, removed (deepest first, so that a cell with a footer line and
    /// an article paragraph loses the line, not the article).
    /// </summary>
    private static void RemoveChromeBlocks(IDocument document)
    {
        var chrome = new List<IElement>();
        foreach (var block in document.QuerySelectorAll(Blocks).Reverse())
        {
            if (chrome.Any(block.Contains))
                continue; // A block inside it is the chrome: only that one goes.
            if (IsChromeText(block.TextContent))
                chrome.Add(block);
        }

        foreach (var block in chrome)
            block.Remove();
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
            return true;
        var id = (element.GetAttribute("class") + " " + element.Id).ToLowerInvariant();
        if (id.Contains("preheader", StringComparison.Ordinal) || id.Contains("preview-text", StringComparison.Ordinal))
            return true;
        if (element.GetAttribute("style") is not { Length: > 0 } style)
            return false;
        if (AlwaysHidden().IsMatch(style))
            return true;
        // font-size:0 or line-height:0 on a wrapper whose children set their own size again is a layout trick, not hiding.
        return ZeroSize().IsMatch(style) && !element.Descendants<IElement>().Any(d => d.GetAttribute("style") is { } s && NonZeroSize().IsMatch(s));
    }

    private static bool IsTrackingPixel(IElement image)
    {
        var width = Dimension(image.GetAttribute("width")) ?? StyleDimension(image.GetAttribute("style"), "width");
        var height = Dimension(image.GetAttribute("height")) ?? StyleDimension(image.GetAttribute("style"), "height");
        return width is <= 1 || height is <= 1;
    }

    private static bool IsFooterByName(IElement element)
    {
        if (element.LocalName == "footer" || string.Equals(element.GetAttribute("role"), "contentinfo", StringComparison.OrdinalIgnoreCase))
            return true;
        var names = element.ClassName + " " + element.Id;
        return names.Contains("footer", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsChromeLink(IElement anchor)
    {
        var text = Text(anchor);
        var href = anchor.GetAttribute("href") ?? "";
        if (text.Length == 0)
            return true; // An icon or an image link: no words to keep.
        if (Uri.TryCreate(href, UriKind.Absolute, out var link))
        {
            var host = link.Host.ToLowerInvariant();
            if (SocialHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)) && (text.Length <= 30 || Share().IsMatch(text)))
                return true;
            if (UnsubscribeAddress().IsMatch(link.PathAndQuery))
                return true;
            if (link.Scheme == Uri.UriSchemeMailto && link.Query.Contains("subject=", StringComparison.OrdinalIgnoreCase))
                return true; // "Forward to a friend".
        }

        if (text.Length <= MaxButtonText && (IsButton(anchor) || CallToAction().IsMatch(text)))
            return true;
        return text.Length <= MaxChromeBlock && IsChromeText(text);
    }

    private static bool IsButton(IElement anchor)
    {
        if (string.Equals(anchor.GetAttribute("role"), "button", StringComparison.OrdinalIgnoreCase))
            return true;
        var names = anchor.ClassName ?? "";
        if (ButtonClass().IsMatch(names))
            return true;
        var style = anchor.GetAttribute("style") ?? "";
        return style.Contains("background", StringComparison.OrdinalIgnoreCase)
               && (style.Contains("padding", StringComparison.OrdinalIgnoreCase) || style.Contains("border-radius", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPostalAddress(string text) =>
        StreetEn().IsMatch(text) || StreetFr().IsMatch(text) || UsStateZip().IsMatch(text) || UkPostcode().IsMatch(text) || FrPostcodeCity().IsMatch(text);

    private static string Text(IElement element) => Collapse(element.TextContent);

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    private static double? Dimension(string? value) =>
        value is not null && double.TryParse(value.Trim().TrimEnd('x', 'p').Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static double? StyleDimension(string? style, string property)
    {
        if (style is null)
            return null;
        var match = Regex.Match(style, $@"(?:^|[;\s]){property}\s*:\s*([0-9.]+)\s*(?:px)?\s*(?:;|$|!)", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? Dimension(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|(?<![-\w])(?:max-height|opacity)\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AlwaysHidden();

    [GeneratedRegex(@"(?<![-\w])(?:font-size|line-height)\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroSize();

    [GeneratedRegex(@"(?<![-\w])font-size\s*:\s*(?:0*[1-9]|0?\.\d*[1-9])", RegexOptions.IgnoreCase)]
    private static partial Regex NonZeroSize();

    [GeneratedRegex(@"\b(?:view|read|see|open)\b.{0,30}\b(?:in|on) (?:your|a|the) (?:web )?browser|\bview (?:it |this (?:email |issue |newsletter )?)?(?:online|as a web ?page)\b|\b(?:web|online|browser) version\b|\btrouble (?:viewing|reading|seeing)\b|\bcan[’']t see (?:this|the) (?:email|message)|\bnot display(?:ing)? (?:correctly|properly)|\b(?:voir|afficher|lire|consulter|ouvrir)\b.{0,40}\b(?:en ligne|navigateur|version web)\b|\bversion (?:en ligne|web|navigateur)\b|\bne s[’']affiche pas correctement|\bprobl[èe]me d[’']affichage|\bvous n[’']arrivez pas [àa] (?:lire|voir)", RegexOptions.IgnoreCase)]
    private static partial Regex ViewInBrowser();

    [GeneratedRegex(@"\bunsubscrib|\bopt[- ]out\b|\bmanage (?:your |my )?(?:email |e-mail |mail |newsletter )?(?:preferences|subscriptions?|settings)\b|\bupdate (?:your |my )?(?:email |subscription )?preferences\b|\bemail preferences\b|\b(?:you are|you[’']re|you were) (?:receiving|subscribed|signed up)|\byou (?:received|got) this\b|\bwhy (?:did I|am I) (?:get|getting|receive|receiving) this|\bno longer (?:wish|want) to receive|\bthis (?:email|message|newsletter) was sent\b|\bwas sent to [^\s@]+@|\bd[ée]sabonn|\bd[ée]sinscri|\bg[ée]rer (?:mes|vos|votre|mon) (?:pr[ée]f[ée]rences|abonnements?|param[èe]tres|inscription)|\bmodifier (?:mes|vos) pr[ée]f[ée]rences|\bvous recevez (?:cet|ce|cette) (?:e-?mail|courriel|message|newsletter|lettre)|\bvous (?:êtes|etes) (?:inscrit|abonn)|\bne (?:plus|souhaitez plus) recevoir|\bpour ne plus recevoir|\bcet e-?mail (?:a été|vous a été) envoy", RegexOptions.IgnoreCase)]
    private static partial Regex Unsubscribe();

    [GeneratedRegex(@"©|\(c\) ?(?:19|20)\d\d\b|\bcopyright\b|\ball rights reserved\b|\btous droits r[ée]serv[ée]s\b|\bour mailing address is\b|\bnotre adresse (?:postale|est)\b|\bprivacy policy\b|\bpolitique de confidentialit[ée]\b|\bmentions l[ée]gales\b|\bterms of (?:use|service)\b|\bconditions (?:g[ée]n[ée]rales|d[’']utilisation)\b|\badd us to your address book\b|\bajoutez-nous [àa] (?:votre|vos) (?:carnet|contacts)", RegexOptions.IgnoreCase)]
    private static partial Regex Legal();

    /// <summary>The header a mail client writes above a newsletter forwarded inline (Gmail, Apple Mail, Outlook; English and French).</summary>
    [GeneratedRegex(@"-{2,}\s*(?:forwarded message|original message|message transf[ée]r[ée]|message d[’']origine)\s*-{2,}|\bbegin forwarded message\s*:|\bd[ée]but du message r[ée]exp[ée]di[ée]\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardHeader();

    /// <summary>A field of a forwarded message's header on a line of its own: "From: … &lt;a@b&gt;", "Objet : …", "Date: …".</summary>
    [GeneratedRegex(@"^(?:(?:from|de|to|à|cc|reply-to|répondre à)\s?:\s.*@|(?:subject|objet|date|sent|envoyé)\s?:\s.{0,120}$)", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardHeaderField();

    [GeneratedRegex(@"\bshare (?:this|on|it)\b|\bforward (?:this|it|to a friend)\b|\btransf[ée]rer?z? (?:[àa] un(?:e)? ami|cet e-?mail|ce message)|\bpartage[rz]? (?:sur|cet|ce|cette|avec)\b|\bfollow us\b|\bsuivez[- ]nous\b|\bretrouvez[- ]nous sur\b|\bconnect with us\b|\btweet this\b|\bfind us on\b|\bjoin us on\b", RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    [GeneratedRegex(@"^(?:(?:facebook|twitter|x|linkedin|instagram|youtube|mastodon|bluesky|threads|tiktok|rss|whatsapp|pinterest|reddit|telegram)\W*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex SocialNames();

    [GeneratedRegex(@"^\W*(?:read (?:more|the (?:full )?(?:story|article|post|issue))|continue reading|lire (?:la suite|l[’']article|plus)|en savoir plus|learn more|find out more|d[ée]couvrir|d[ée]couvrez(?:-le| la suite)?|sign up(?: now| today)?|subscribe(?: now| today)?|s[’']abonner|abonnez-vous|inscrivez-vous|je m[’']inscris|register(?: now)?|donate(?: now)?|faire un don|get started|shop now|buy now|book now|download(?: now)?|t[ée]l[ée]charger|get the app|try (?:it )?(?:free|now)|upgrade(?: now)?|join (?:us|now)|j[’']en profite|commander|r[ée]server)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"\b(?:btn|button|cta)\b|\bbutton", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonClass();

    [GeneratedRegex(@"unsubscribe|opt-?out|d[ée]sabonn|d[ée]sinscri|/preferences|manage-?subscription|list-manage\.com/profile", RegexOptions.IgnoreCase)]
    private static partial Regex UnsubscribeAddress();

    [GeneratedRegex(@"\b\d{1,5}[a-z]?,?\s+(?:[\p{L}.'-]+\s+){0,4}(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|lane|drive|square|suite|floor)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StreetEn();

    [GeneratedRegex(@"\b\d{1,4}(?:\s*(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|quai|all[ée]e|impasse|chemin|cours|route)\b|\bcedex\b|\bCS \d{3,}\b|\bBP \d{2,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex StreetFr();

    [GeneratedRegex(@"\b[A-Z]{2} \d{5}(?:-\d{4})?\b")]
    private static partial Regex UsStateZip();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"\b\d{5} [A-ZÉ][\p{L}-]+")]
    private static partial Regex FrPostcodeCity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
