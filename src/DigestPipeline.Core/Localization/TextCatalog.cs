using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestPipeline.Core.Localization;

/// <summary>
/// One set of <c>.resx</c> files (<c>Name.resx</c>, the neutral language, English; <c>Name.fr.resx</c>, …): the words
/// of the digest, of the sign-up mail, or of the pages. Adding a language is adding a file: <see cref="For"/> answers
/// any language whose file was built into a satellite assembly, and the neutral one for any other.
/// </summary>
/// <remarks>
/// The language is always given, never read from the thread's culture: a batch of digests, or a page request,
/// serves subscribers of several languages on the same thread.
/// </remarks>
public sealed class TextCatalog
{
    private readonly ResourceManager _resources;
    private readonly Assembly _assembly;
    private readonly string _baseName;
    private readonly ResourceNamesCache _names = new();
    private readonly ConcurrentDictionary<string, CultureText> _byLanguage = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<CultureText> _neutral;

    /// <param name="assembly">The assembly the neutral file is embedded in.</param>
    /// <param name="baseName">The resource's full name without its culture, e.g. <c>DigestPipeline.Core.Digests.DigestStrings</c>.</param>
    public TextCatalog(Assembly assembly, string baseName)
    {
        _assembly = assembly;
        _baseName = baseName;
        _resources = new ResourceManager(baseName, assembly);
        _neutral = new Lazy<CultureText>(() => Create(CultureInfo.InvariantCulture), LazyThreadSafetyMode.ExecutionAndPublication);
        _languages = new Lazy<IReadOnlyList<string>>(FindLanguages, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<IReadOnlyList<string>> _languages;

    private List<string> FindLanguages()
    {
        var languages = new List<string> { Neutral.Language };
        var folder = Path.GetDirectoryName(_assembly.Location);
        if (string.IsNullOrEmpty(folder))
            return languages;
        var satellite = _assembly.GetName().Name + ".resources.dll";
        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (Primary(name) != name || name == Neutral.Language || !File.Exists(Path.Combine(directory, satellite)))
                continue;
            if (For(name).Language == name)
                languages.Add(name);
        }

        return languages;
    }

    /// <summary>The neutral language's words (English).</summary>
    public CultureText Neutral => _neutral.Value;

    /// <summary>
    /// The languages this catalog has a file for: the neutral one, then each satellite assembly built beside the
    /// catalog's assembly (<c>fr/DigestPipeline.Core.resources.dll</c>) that holds this catalog's words. So a language is
    /// offered where its files are, and nowhere else.
    /// </summary>
    public IReadOnlyList<string> Languages => _languages.Value;

    /// <summary>
    /// The words for a language tag (<c>fr</c>, <c>fr-CA</c>, <c>en_US</c>) or an Accept-Language value
    /// (<c>fr-FR,fr;q=0.9</c>: its first language): the file of its primary language, else the neutral one.
    /// </summary>
    public CultureText For(string? language)
    {
        var primary = Primary(language);
        if (primary.Length == 0)
            return Neutral;
        return _byLanguage.GetOrAdd(primary, p =>
        {
            CultureInfo culture;
            try
            {
                culture = CultureInfo.GetCultureInfo(p);
            }
            catch (CultureNotFoundException)
            {
                return Neutral;
            }

            // tryParents: false: only a file of this very language counts; createIfNotExists loads its satellite.
            return _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is null ? Neutral : Create(culture);
        });
    }

    private CultureText Create(CultureInfo culture) =>
        new(_resources, _assembly, _baseName, _names, culture);

    /// <summary>"fr" of "fr-CA", "FR_fr", "fr-FR,fr;q=0.9"; empty when it is no language tag.</summary>
    internal static string Primary(string? language)
    {
        var value = (language ?? "").TrimStart();
        var end = value.IndexOfAny(['-', '_', ',', ';', ' ']);
        var primary = end < 0 ? value : value[..end];
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : "";
    }
}

/// <summary>
/// The words of one <see cref="TextCatalog"/> in one language: <c>Microsoft.Extensions.Localization</c>'s
/// resource-manager localizer, fixed to that language instead of the thread's UI culture. A name no file has is a
/// bug, not a word to show: it throws.
/// </summary>
public sealed class CultureText : ResourceManagerStringLocalizer
{
    private readonly CultureInfo _resourceCulture;
    private readonly string _baseName;
    private readonly HashSet<int> _pluralOne;

    internal CultureText(ResourceManager resources, Assembly assembly, string baseName, IResourceNamesCache names, CultureInfo resourceCulture)
        : base(resources, assembly, baseName, names, NullLogger.Instance)
    {
        _resourceCulture = resourceCulture;
        _baseName = baseName;
        Language = Get("Language");
        Culture = CultureInfo.GetCultureInfo(Get("Culture"));
        var one = Get("PluralOne").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _pluralOne = one.Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>The language of these words (<c>en</c>, <c>fr</c>): a page's <c>lang</c>.</summary>
    public string Language { get; }

    /// <summary>The culture dates, numbers and day names are written in (<c>en-GB</c>, <c>fr-FR</c>), the file's own <c>Culture</c>.</summary>
    public CultureInfo Culture { get; }

    public override LocalizedString this[string name] => new(name, Get(name));

    public override LocalizedString this[string name, params object[] arguments] => new(name, Format(name, arguments));

    public override IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        GetAllStrings(includeParentCultures, _resourceCulture);

    /// <exception cref="KeyNotFoundException">no file of this catalog has <paramref name="name"/>.</exception>
    public string Get(string name) =>
        GetStringSafely(name, _resourceCulture)
        ?? throw new KeyNotFoundException($"The text '{name}' is in no resource file of {_baseName} (asked in '{_resourceCulture.Name}').");

    /// <summary>The text <paramref name="name"/>, or null when no file of this catalog has it (a catalog of names, such as languages').</summary>
    public string? Find(string name) => GetStringSafely(name, _resourceCulture);

    /// <summary>The text <paramref name="name"/> with its placeholders filled, in <see cref="Culture"/>.</summary>
    public string Format(string name, params object?[] arguments) => string.Format(Culture, Get(name), arguments);

    /// <summary>
    /// The plural form of <paramref name="name"/> for <paramref name="count"/>: <c>name_one</c> for the counts the
    /// file's <c>PluralOne</c> lists (1 in English; 0 and 1 in French: "0 nouveauté"), <c>name_other</c> else, its
    /// <c>{0}</c> the count written in <see cref="Culture"/>.
    /// </summary>
    public string Plural(string name, int count) =>
        string.Format(Culture, Get(name + (_pluralOne.Contains(count) ? "_one" : "_other")), count.ToString("N0", Culture));
}
