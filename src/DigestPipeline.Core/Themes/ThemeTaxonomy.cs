using System.Text.Json;

namespace DigestPipeline.Core.Themes;

/// <summary>The declared themes, loaded from <c>themes.json</c>.</summary>
public sealed class ThemeTaxonomy(IReadOnlyList<ThemeDefinition> themes)
{
    public IReadOnlyList<ThemeDefinition> Themes { get; } = themes;

    public ThemeDefinition? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);

    /// <summary>
    /// Reads <c>{"themes":[{"id":"health","labels":{"fr":"Santé","en":"Health"},"keywords":{"fr":["santé",...],"en":[...]}}]}</c>,
    /// each theme with an optional <c>"requires"</c> of the same shape as <c>"keywords"</c> (<see cref="ThemeDefinition.Requires"/>)
    /// and optional <c>"descriptions"</c>, one line per language like <c>"labels"</c> (<see cref="ThemeDefinition.Descriptions"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">the file is not a valid taxonomy; the message says where.</exception>
    public static ThemeTaxonomy Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Theme taxonomy is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("themes", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("Theme taxonomy must be an object with a \"themes\" array.");
            }

            var themes = new List<ThemeDefinition>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var theme = ReadTheme(element, $"themes[{index}]");
                if (!ids.Add(theme.Id))
                {
                    throw new InvalidDataException($"themes[{index}]: duplicate theme id \"{theme.Id}\".");
                }

                themes.Add(theme);
                index++;
            }

            if (themes.Count == 0)
            {
                throw new InvalidDataException("Theme taxonomy declares no theme: the \"themes\" array is empty.");
            }

            return new ThemeTaxonomy(themes);
        }
    }

    private static ThemeDefinition ReadTheme(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: a theme must be an object.");
        }

        if (!element.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(idElement.GetString()))
        {
            throw new InvalidDataException($"{where}: \"id\" is missing or empty.");
        }

        var id = idElement.GetString()!.Trim();
        if (!id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '_'))
        {
            throw new InvalidDataException($"{where} (\"{id}\"): an id may only hold lower-case ASCII letters, digits, '-' and '_'.");
        }

        if (id.StartsWith("section-", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where} (\"{id}\"): ids starting with \"section-\" are reserved for discovered themes.");
        }

        where = $"{where} (\"{id}\")";
        if (!element.TryGetProperty("labels", out var labelsElement) || labelsElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: \"labels\" is missing; give at least one label per language, e.g. {{\"en\":\"Health\"}}.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in labelsElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                throw new InvalidDataException($"{where}: label \"{property.Name}\" must be a non-empty string.");
            }

            labels[NormaliseLanguage(property.Name, where)] = property.Value.GetString()!.Trim();
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException($"{where}: \"labels\" is empty; give at least one label.");
        }

        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("descriptions", out var descriptionsElement))
        {
            if (descriptionsElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{where}: \"descriptions\" must be an object of one line per language, e.g. {{\"en\":\"Medicine, hospitals…\"}}.");
            }

            foreach (var property in descriptionsElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    throw new InvalidDataException($"{where}: description \"{property.Name}\" must be a non-empty string.");
                }

                descriptions[NormaliseLanguage(property.Name, where)] = property.Value.GetString()!.Trim();
            }
        }

        var keywords = ReadTerms(element, "keywords", where);
        if (keywords.Values.All(k => k.Count == 0))
        {
            throw new InvalidDataException($"{where}: no keywords; a declared theme needs keywords in at least one language.");
        }

        var requires = ReadTerms(element, "requires", where);
        if (element.TryGetProperty("requires", out _) && requires.Values.All(r => r.Count == 0))
        {
            throw new InvalidDataException($"{where}: \"requires\" lists no term; remove it, or give the terms a document must mention.");
        }

        return new ThemeDefinition(id, labels, keywords) { Requires = requires, Descriptions = descriptions };
    }

    /// <summary>Reads an optional object of string arrays per language code (<c>keywords</c>, <c>requires</c>).</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadTerms(JsonElement element, string name, string where)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!element.TryGetProperty(name, out var termsElement))
        {
            return terms;
        }

        if (termsElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: \"{name}\" must be an object of arrays per language.");
        }

        foreach (var property in termsElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{where}: {name} \"{property.Name}\" must be an array of strings.");
            }

            var list = new List<string>();
            foreach (var term in property.Value.EnumerateArray())
            {
                if (term.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(term.GetString()))
                {
                    throw new InvalidDataException($"{where}: {name} \"{property.Name}\" holds an empty or non-string entry.");
                }

                list.Add(term.GetString()!.Trim());
            }

            terms[NormaliseLanguage(property.Name, where)] = list;
        }

        return terms;
    }

    private static string NormaliseLanguage(string language, string where)
    {
        var code = language.Trim().ToLowerInvariant();
        if (code.Length is < 2 or > 8 || !code.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            throw new InvalidDataException($"{where}: \"{language}\" is not a language code (use fr, en, de, ...).");
        }

        return code;
    }
}
