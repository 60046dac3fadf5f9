using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DigestPipeline.IntegrationTests.Newsletters;

/// <summary>
/// A newsletter as a list tool sends it, and what of it is article and what is chrome: <see cref="Chrome"/> lists every
/// piece of text a reader sees around the article (or a client hides: the preheader), so a test can say which of them
/// reached the document, and how many characters.
/// </summary>
public sealed record TestNewsletter(MimeMessage Message, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Chrome, Uri BrowserLink)
{
    public string MessageId => Message.MessageId!;

    /// <summary>The chrome pieces found in <paramref name="text"/> (as whole words: "X" is not found in "XXe").</summary>
    public IEnumerable<string> ChromeIn(string text) =>
        Chrome.Where(c => Regex.IsMatch(TestNewsletters.Collapse(text), $@"(?<!\w){Regex.Escape(TestNewsletters.Collapse(c))}(?!\w)"));
}

/// <summary>
/// Realistic newsletters built by the tests: table layouts with inline styles (a Mailchimp-like English one whose
/// article cell also holds its button and share line, a French one laid out as a platform's post, one column holding
/// everything inside MJML wrappers that set <c>font-size:0px</c>), hidden preheader text, "view in browser",
/// a masthead, call-to-action buttons, social and share links, a footer with a postal address and unsubscribe text,
/// a tracking pixel; one with a PDF and a DOCX attachment. The articles are the seed documents' paragraphs.
/// </summary>
public static class TestNewsletters
{
    public const string EnglishSender = "editors@weeklybrief.example";
    public const string FrenchSender = "redaction@lettre-energie.example";
    public const string ResearchSender = "roundup@research.example";

    public static IReadOnlyList<TestNewsletter> All() => [English(), French(), WithAttachments()];

    public static TestNewsletter English()
    {
        var paragraphs = SeedParagraphs("en-hospitals-and-grid-operators-brace-for-ai.txt").Take(4).ToArray();
        const string heading = "Hospitals and grid operators brace for the next wave of AI";
        var browser = new Uri("https://weeklybrief.example/issues/142");
        string[] chrome =
        [
            "This week: AI moves into daily care, and the grid feels the strain. Plus: our reading list.",
            "Trouble reading this email?", "View it in your browser",
            "Read the full story", "Facebook", "Share this issue:", "Tweet", "Forward to a friend",
            "You are receiving this email because you subscribed to The Weekly Brief at weeklybrief.example.",
            "The Weekly Brief · 1200 Market Street, Suite 400 · San Francisco, CA 94103 · USA",
            "Unsubscribe", "Update your preferences",
            "© 2026 The Weekly Brief. All rights reserved.",
        ];
        var html = $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>The Weekly Brief #142</title>
            <style>body{margin:0} .mcnTextContent p{margin:0 0 12px}</style></head>
            <body style="margin:0;padding:0;background:#f4f4f4">
            <div style="display:none;font-size:1px;color:#f4f4f4;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all">{{chrome[0]}}</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center">
             <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
              <tr><td align="right" style="padding:8px 24px;font-family:Arial,sans-serif;font-size:12px;color:#666666">{{chrome[1]}} <a href="{{browser}}" style="color:#666666">{{chrome[2]}}</a></td></tr>
              <tr><td align="center" style="padding:24px"><a href="https://weeklybrief.example/"><img src="https://cdn.weeklybrief.example/masthead.png" width="240" height="48" alt="The Weekly Brief" style="display:block;border:0"></a></td></tr>
              <tr><td class="mcnTextContent" style="padding:0 24px;font-family:Georgia,serif;font-size:16px;line-height:24px;color:#222222">
                <h1 style="font-size:28px;line-height:34px;margin:0 0 16px">{{heading}}</h1>
                {{string.Concat(paragraphs.Select(p => $"<p style=\"margin:0 0 12px\">{WebUtility.HtmlEncode(p)}</p>\n"))}}
                <table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" bgcolor="#0a66c2" style="border-radius:4px">
                  <a href="https://weeklybrief.example/stories/hospitals-grid?utm_source=newsletter&amp;utm_medium=email" target="_blank" style="background:#0a66c2;border:1px solid #0a66c2;border-radius:4px;color:#ffffff;display:inline-block;font-family:Arial,sans-serif;font-size:16px;font-weight:bold;padding:12px 24px;text-decoration:none">{{chrome[3]}}</a>
                </td></tr></table>
                <p>{{chrome[5]}} <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fweeklybrief.example%2Fissues%2F142">{{chrome[6]}}</a> · <a href="mailto:?subject=The%20Weekly%20Brief&amp;body=https%3A%2F%2Fweeklybrief.example%2Fissues%2F142">{{chrome[7]}}</a></p>
              </td></tr>
              <tr><td align="center" style="padding:16px 24px">
                <a href="https://twitter.com/weeklybrief"><img src="https://cdn.weeklybrief.example/twitter.png" width="24" height="24" alt="Twitter"></a>
                <a href="https://www.linkedin.com/company/weeklybrief"><img src="https://cdn.weeklybrief.example/linkedin.png" width="24" height="24" alt="LinkedIn"></a>
                <a href="https://www.facebook.com/weeklybrief" style="font-size:12px">{{chrome[4]}}</a>
              </td></tr>
              <tr><td class="mcnTextContent" style="padding:16px 24px;font-family:Arial,sans-serif;font-size:11px;line-height:16px;color:#888888;border-top:1px solid #eeeeee">
                <p>{{chrome[8]}}</p>
                <p>{{chrome[9]}}</p>
                <p><a href="https://weeklybrief.example/list/unsubscribe?u=8f2a&amp;id=142" style="color:#888888">{{chrome[10]}}</a> | <a href="https://weeklybrief.example/list/profile?u=8f2a" style="color:#888888">{{chrome[11]}}</a></p>
                <p>{{chrome[12]}}</p>
              </td></tr>
             </table>
            </td></tr></table>
            <img src="https://t.weeklybrief.example/open/142/8f2a.gif" width="1" height="1" alt="" style="display:block">
            </body></html>
            """;
        return new TestNewsletter(Message(EnglishSender, "The Weekly Brief", "[Weekly Brief] Issue #142 — AI in hospitals, strain on the grid", html), heading, paragraphs, chrome, browser);
    }

    public static TestNewsletter French()
    {
        var paragraphs = SeedParagraphs("fr-tech-basel-ai-summit-miami.txt").Take(3).ToArray();
        const string heading = "Ce que les leaders de l’IA ont vraiment dit à Miami";
        var browser = new Uri("https://lettre-energie.example/archives/37");
        string[] chrome =
        [
            "Au sommaire : souveraineté, infrastructures et énergie du calcul. Bonne lecture !",
            "Cet e-mail ne s’affiche pas correctement ?", "Voir la version en ligne",
            "Lire l’article complet", "Suivez-nous :", "LinkedIn", "X", "RSS",
            "Vous recevez cet e-mail car vous êtes abonné(e) à La Lettre Énergie.",
            "Lettre Énergie SAS – 12 rue de la Paix, 75002 Paris, France",
            "Se désabonner", "Gérer mes préférences", "Transférer à un ami",
        ];
        // One column holding everything, as a post sent by a newsletter platform is laid out (masthead, the line
        // above the post, the post, its button and links, the footer), inside MJML's font-size:0px wrappers.
        var html = $$"""
            <!doctype html>
            <html lang="fr" xmlns="http://www.w3.org/1999/xhtml"><head><title>La Lettre Énergie n°37</title><meta charset="utf-8">
            <style type="text/css">#outlook a{padding:0} .mj-column-per-100{width:100%!important;max-width:100%}</style></head>
            <body style="word-spacing:normal;background-color:#f0f0f0;">
            <div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">{{chrome[0]}}</div>
            <div style="background:#ffffff;margin:0px auto;max-width:600px;">
             <table align="center" border="0" cellpadding="0" cellspacing="0" role="presentation" style="background:#ffffff;width:100%;"><tbody><tr>
              <td style="direction:ltr;font-size:0px;padding:20px 0;text-align:center;">
               <div class="mj-column-per-100 mj-outlook-group-fix" style="font-size:0px;text-align:left;direction:ltr;display:inline-block;vertical-align:top;width:100%;">
                <div class="post" style="font-family:Georgia,serif;font-size:17px;line-height:1.5;text-align:left;color:#222222;padding:10px 25px;">
                 <p style="font-family:Helvetica,Arial,sans-serif;font-size:11px;text-align:center;color:#999999;">{{chrome[1]}} <a href="{{browser}}?utm_campaign=37" style="color:#999999;">{{chrome[2]}}</a></p>
                 <img alt="La Lettre Énergie" src="https://lettre-energie.example/logo.png" width="200" height="50" style="border:0;display:block;">
                 <h2 style="font-size:26px;margin:0 0 12px;">{{heading}}</h2>
                 {{string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))}}
                 <p style="text-align:center;"><a href="https://lettre-energie.example/articles/37-miami" style="display:inline-block;background:#e85d04;color:#ffffff;font-family:Helvetica,Arial,sans-serif;font-size:15px;padding:10px 25px;border-radius:3px;text-decoration:none;" target="_blank">{{chrome[3]}}</a></p>
                 <p style="font-family:Helvetica,Arial,sans-serif;font-size:13px;text-align:center;color:#555555;">{{chrome[4]}} <a href="https://www.linkedin.com/company/lettre-energie">{{chrome[5]}}</a> · <a href="https://x.com/lettreenergie">{{chrome[6]}}</a> · <a href="https://lettre-energie.example/rss.xml">{{chrome[7]}}</a></p>
                 <p style="font-family:Helvetica,Arial,sans-serif;font-size:11px;text-align:center;color:#999999;">{{chrome[8]}}</p>
                 <p style="font-family:Helvetica,Arial,sans-serif;font-size:11px;text-align:center;color:#999999;">{{chrome[9]}}</p>
                 <p style="font-family:Helvetica,Arial,sans-serif;font-size:11px;text-align:center;color:#999999;"><a href="https://lettre-energie.example/desabonnement?id=9c1" style="color:#999999;">{{chrome[10]}}</a> · <a href="https://lettre-energie.example/preferences?id=9c1" style="color:#999999;">{{chrome[11]}}</a> · <a href="mailto:?subject=La%20Lettre%20%C3%89nergie" style="color:#999999;">{{chrome[12]}}</a></p>
                </div>
               </div>
              </td></tr></tbody></table>
            </div>
            <img src="https://stats.lettre-energie.example/o.gif?id=9c1" width="1" height="1" style="display:block;height:1px;width:1px;" alt="">
            </body></html>
            """;
        return new TestNewsletter(Message(FrenchSender, "La Lettre Énergie", "La Lettre Énergie n°37 : souveraineté et IA à Miami", html), heading, paragraphs, chrome, browser);
    }

    /// <summary>A short note with two reports attached, a PDF and a DOCX (each its own document).</summary>
    public static TestNewsletter WithAttachments()
    {
        string[] paragraphs =
        [
            "Two reports landed this week on how regional grids will carry the load of new data centres over the next decade.",
            "The first, from the regional grid operator, sets out the transmission lines it wants regulators to approve; the second, from a hospital group, explains how it plans its own backup power.",
        ];
        const string heading = "Reports of the week: grids and hospitals";
        var browser = new Uri("https://research.example/roundup/9");
        string[] chrome = ["View this email in your browser", "Unsubscribe from the roundup", "Research Example Ltd, 10 Downing Road, London SW1A 2AA"];
        var html = $"""
            <html><body><table width="600"><tr><td><p><a href="{browser}">{chrome[0]}</a></p></td></tr>
            <tr><td><h1>{heading}</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</td></tr>
            <tr><td><p><a href="https://research.example/unsubscribe?r=1">{chrome[1]}</a></p><p>{chrome[2]}</p></td></tr></table></body></html>
            """;
        var message = Message(ResearchSender, "Research Roundup", "[Roundup] #9 — Reports of the week", html,
            ("grid-transmission-plan.pdf", "application/pdf", Pdf(PdfText)),
            ("Backup power at Northside Hospital.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx("Backup power at Northside Hospital", DocxParagraphs)));
        return new TestNewsletter(message, heading, paragraphs, chrome, browser);
    }

    public static readonly string[] PdfText =
    [
        "Transmission plan for the northern region",
        "The grid operator asks regulators to approve three new transmission lines before the end of the decade.",
        "Data centre demand has doubled in two years and now exceeds the capacity of the existing lines at peak hours.",
    ];

    public static readonly string[] DocxParagraphs =
    [
        "Northside Hospital will install a battery system able to carry its operating theatres for six hours.",
        "The hospital board approved the budget after two storms cut power to the region last winter.",
    ];

    /// <summary>A message from <paramref name="from"/> with an HTML body and a plain-text alternative, and attachments if given.</summary>
    public static MimeMessage Message(string from, string fromName, string subject, string html, params (string Name, string Type, byte[] Content)[] attachments)
    {
        var message = new MimeMessage { Subject = subject, Date = new DateTimeOffset(2026, 12, 3, 7, 30, 0, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(new MailboxAddress("Digest", "newsletters@digest.example"));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("lists.example");
        var body = new BodyBuilder { HtmlBody = html, TextBody = "This newsletter is best read as HTML." };
        foreach (var (name, type, content) in attachments)
            body.Attachments.Add(name, content, ContentType.Parse(type));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The seed document's prose paragraphs (headings, list items and blank lines left out).</summary>
    public static IEnumerable<string> SeedParagraphs(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", file))
            .Split('\n', StringSplitOptions.TrimEntries)
            .Where(p => p.Length >= 120 && !p.StartsWith('-'))
            .Skip(1);

    public static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>A one-page PDF with a line per paragraph (PdfPig's writer, Helvetica).</summary>
    public static byte[] Pdf(IEnumerable<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 10, new PdfPoint(40, y), font);
            y -= 30;
        }

        return builder.Build();
    }

    public static byte[] Docx(string title, IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(new Paragraph(new Run(new Text(title))));
            foreach (var paragraph in paragraphs)
                body.Append(new Paragraph(new Run(new Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
