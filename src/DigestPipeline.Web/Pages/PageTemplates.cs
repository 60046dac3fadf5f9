using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestPipeline.Core.Localization;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;

namespace DigestPipeline.Web.Pages;

/// <summary>
/// Server-rendered pages in the digest's template engine (Fluid): a page's template renders its view, the layout
/// wraps it with the one stylesheet (<c>pages.css</c>). Words come from a <see cref="TextCatalog"/> through the
/// <c>t</c> filter (<c>{{ "SaveButton" | t }}</c>, <c>{{ "GreetingFormat" | t: name }}</c>), in the language given
/// to <see cref="Render"/>; a name no resource file has throws rather than showing. Every value is HTML-encoded by
/// the engine; only the layout's stylesheet and the page's body, both rendered here, go out raw.
/// </summary>
/// <remarks>
/// Templates are embedded resources under one prefix (<c>DigestPipeline.Web.Pages.Templates.*.liquid</c>), parsed once
/// per process and shared: rendering is thread-safe. A set of pages of its own (another prefix, another catalog,
/// its view types) is another instance.
/// </remarks>
public sealed class PageTemplates
{
    /// <summary>Markup characters always encoded, letters of every script left readable (as the digest's encoder).</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string TextValue = "text";
    /// <summary>The public pages' stylesheet: every set of pages starts from it, so they all look like the digest.</summary>
    private const string PublicStylesheet = "DigestPipeline.Web.Pages.Templates.pages.css";

    private readonly Assembly _assembly;
    private readonly string _prefix;
    private readonly TemplateOptions _options;
    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <param name="resourcePrefix">The templates' resource names without the file name, e.g. <c>DigestPipeline.Web.Pages.Templates</c>.</param>
    /// <param name="viewTypes">The types the templates read members of (view records).</param>
    /// <param name="moreStylesheets">File names under the prefix appended to the public pages' stylesheet (the console's own rules); none for the public pages.</param>
    public PageTemplates(Assembly assembly, string resourcePrefix, TextCatalog catalog, IEnumerable<Type> viewTypes, params string[] moreStylesheets)
    {
        _assembly = assembly;
        _prefix = resourcePrefix;
        Catalog = catalog;
        Stylesheet = string.Concat(new[] { ReadResource(PublicStylesheet) }.Concat(moreStylesheets.Select(Read)));
        StyleSource = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet))) + "'";
        _options = new TemplateOptions
        {
            // No trimming (unlike the digest's text template): HTML does not mind a blank line, and attributes written
            // as {% if checked %} checked{% endif %} keep their space.
            Trimming = TrimmingFlags.None,
            StrictVariables = true,
            FileProvider = new EmbeddedFileProvider(assembly, resourcePrefix),
        };
        _options.MemberAccessStrategy.Register<PageFrameView>();
        foreach (var type in viewTypes)
            _options.MemberAccessStrategy.Register(type);
        _options.Filters.AddFilter("t", (input, arguments, context) =>
        {
            var text = (CultureText)context.AmbientValues[TextValue];
            var name = input.ToStringValue();
            if (arguments.Count == 0)
                return new StringValue(text.Get(name));
            var values = new object?[arguments.Count];
            for (var i = 0; i < arguments.Count; i++)
                values[i] = arguments.At(i).ToStringValue();
            return new StringValue(text.Format(name, values));
        });
    }

    public TextCatalog Catalog { get; }

    /// <summary>The pages' stylesheet, inlined in each page's <c>&lt;style&gt;</c>.</summary>
    public string Stylesheet { get; }

    /// <summary>The CSP source that allows exactly <see cref="Stylesheet"/> (<c>'sha256-…'</c>): no other style runs.</summary>
    public string StyleSource { get; }

    /// <summary>The page <paramref name="template"/> (<c>{name}.liquid</c>) with <paramref name="view"/> as <c>v</c>, in the layout.</summary>
    /// <param name="script">A fixed script the page's policy allows by its hash; empty for none.</param>
    /// <param name="section">Which part of a set of pages this is (the console's menu marks it); empty for none.</param>
    /// <param name="values">More variables both the page and the layout see (the console's form token as <c>csrf</c>).</param>
    public string Render(string template, object view, CultureText text, string title, string otherLanguageUrl = "", string script = "",
        string section = "", IReadOnlyDictionary<string, string>? values = null)
    {
        var context = NewContext(text, values);
        context.SetValue("v", view);
        var body = Template(template).Render(context, Encoder);

        var frame = NewContext(text, values);
        frame.SetValue("page", new PageFrameView(text.Language, title, Stylesheet, body, "/?lang=" + text.Language, otherLanguageUrl, script, section));
        return Template("layout").Render(frame, Encoder);
    }

    private TemplateContext NewContext(CultureText text, IReadOnlyDictionary<string, string>? values)
    {
        var context = new TemplateContext(_options);
        context.AmbientValues[TextValue] = text;
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
            context.SetValue(name, value);
        return context;
    }

    private IFluidTemplate Template(string name) => _templates.GetOrAdd(name, n =>
    {
        var source = Read(n + ".liquid");
        return _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{n}.liquid' does not parse: {error}");
    });

    private string Read(string fileName) => ReadResource($"{_prefix}.{fileName}");

    private string ReadResource(string resource)
    {
        using var stream = _assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded page resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
