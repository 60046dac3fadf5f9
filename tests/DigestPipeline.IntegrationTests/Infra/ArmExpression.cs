using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// Evaluates the ARM template expressions (<c>"[format('{0}', variables('x'))]"</c>) that <c>bicep build</c> writes,
/// with the functions it writes for <c>infra/</c>, so that the checks read names, ids and settings as ARM would
/// compute them instead of as text. What only exists once deployed (<c>reference()</c>, a resource's principal id,
/// a secret's URI) evaluates to a <see cref="RuntimeValue"/> that names the resource it comes from; uniqueString and
/// guid are stand-ins, deterministic like ARM's. A function it does not know fails the check loudly, naming it.
/// </summary>
internal sealed class ArmExpression
{
    private readonly string _text;
    private int _position;

    private ArmExpression(string text) => _text = text;

    /// <summary>The value of a template string: an expression when in brackets (<c>[[</c> escapes a literal bracket).</summary>
    public static object? EvaluateString(string value, ArmScope scope)
    {
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']')
            return value;
        if (value.StartsWith("[[", StringComparison.Ordinal))
            return value[1..];
        var parser = new ArmExpression(value[1..^1]);
        var result = parser.ParseExpression(scope);
        parser.SkipSpaces();
        if (parser._position != parser._text.Length)
            throw parser.Error("unexpected text");
        return result;
    }

    private object? ParseExpression(ArmScope scope)
    {
        SkipSpaces();
        var value = ParsePrimary(scope);
        while (true)
        {
            SkipSpaces();
            if (Peek('.'))
            {
                _position++;
                value = Member(value, ParseIdentifier());
            }
            else if (Peek('['))
            {
                _position++;
                var index = ParseExpression(scope);
                Expect(']');
                value = Index(value, index);
            }
            else
            {
                return value;
            }
        }
    }

    private object? ParsePrimary(ArmScope scope)
    {
        if (Peek('\''))
            return ParseString();
        if (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '-'))
            return ParseNumber();

        var name = ParseIdentifier();
        SkipSpaces();
        Expect('(');
        var arguments = new List<object?>();
        SkipSpaces();
        if (!Peek(')'))
        {
            do
            {
                arguments.Add(ParseExpression(scope));
                SkipSpaces();
            }
            while (TryTake(','));
        }

        Expect(')');
        return ArmFunctions.Call(name, arguments, scope);
    }

    private string ParseString()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
                throw Error("unterminated string");
            var c = _text[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (Peek('\''))
            {
                value.Append('\'');
                _position++;
            }
            else
            {
                return value.ToString();
            }
        }
    }

    private long ParseNumber()
    {
        var start = _position;
        if (_text[_position] == '-')
            _position++;
        while (_position < _text.Length && char.IsDigit(_text[_position]))
            _position++;
        return long.Parse(_text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
    }

    private string ParseIdentifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
            _position++;
        if (start == _position)
            throw Error("identifier expected");
        return _text[start.._position];
    }

    private static object? Member(object? value, string name) => value switch
    {
        IReadOnlyDictionary<string, object?> map when TryGet(map, name, out var member) => member,
        IReadOnlyDictionary<string, object?> => throw new InvalidOperationException($"no property '{name}'"),
        RuntimeValue runtime => runtime.Member(name),
        _ => throw new InvalidOperationException($"'.{name}' on {ArmFunctions.Describe(value)}"),
    };

    private static object? Index(object? value, object? index) => (value, index) switch
    {
        (IReadOnlyList<object?> list, long i) => list[checked((int)i)],
        (IReadOnlyDictionary<string, object?> map, string key) when TryGet(map, key, out var member) => member,
        (RuntimeValue runtime, string key) => runtime.Member(key),
        _ => throw new InvalidOperationException($"[{ArmFunctions.Describe(index)}] on {ArmFunctions.Describe(value)}"),
    };

    /// <summary>ARM property names are case-insensitive.</summary>
    internal static bool TryGet(IReadOnlyDictionary<string, object?> map, string name, out object? value)
    {
        foreach (var (key, member) in map)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        value = null;
        return false;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            _position++;
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private bool TryTake(char c)
    {
        if (!Peek(c))
            return false;
        _position++;
        return true;
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (!TryTake(c))
            throw Error($"'{c}' expected");
    }

    private FormatException Error(string what) => new($"{what} at {_position} in ARM expression [{_text}]");
}

/// <summary>
/// A value known only once deployed: <c>reference(id).path</c>. Its text names the resource, so that a check can
/// tell whose principal id or which secret's URI a setting holds.
/// </summary>
internal sealed record RuntimeValue(string ResourceId, string Path)
{
    public RuntimeValue Member(string name) => this with { Path = Path + "." + name };

    public override string ToString() => $"reference({ResourceId}){Path}";
}

/// <summary>What an expression can see: the template's variables and parameters, and the copy loop's index.</summary>
internal sealed class ArmScope(
    IReadOnlyDictionary<string, object?> parameters,
    IReadOnlyDictionary<string, Func<object?>> variables,
    string subscriptionId,
    string resourceGroup)
{
    public string SubscriptionId { get; } = subscriptionId;

    public string ResourceGroup { get; } = resourceGroup;

    public int? CopyIndex { get; init; }

    public object? Parameter(string name) => ArmExpression.TryGet(parameters, name, out var value)
        ? value
        : throw new InvalidOperationException($"parameters('{name}') has no value");

    public object? Variable(string name) => variables.TryGetValue(name, out var value)
        ? value()
        : throw new InvalidOperationException($"variables('{name}') is not declared");

    public ArmScope WithCopyIndex(int index) => new(parameters, variables, SubscriptionId, ResourceGroup) { CopyIndex = index };
}

/// <summary>The template functions <c>bicep build</c> writes for infra/.</summary>
internal static class ArmFunctions
{
    public static object? Call(string name, List<object?> a, ArmScope scope) => name.ToLowerInvariant() switch
    {
        "parameters" => scope.Parameter(Text(a[0])),
        "variables" => scope.Variable(Text(a[0])),
        "copyindex" => (long)(scope.CopyIndex ?? throw new InvalidOperationException("copyIndex() outside a copy loop"))
            + (a.Count > 0 && a[^1] is long offset ? offset : 0),
        "format" => Format(Text(a[0]), a.Skip(1).ToList()),
        "concat" => a.All(x => x is IReadOnlyList<object?>) ? a.SelectMany(x => (IReadOnlyList<object?>)x!).ToList() : string.Concat(a.Select(Text)),
        "string" => a[0] is string s ? s : Text(a[0]),
        "tolower" => Text(a[0]).ToLowerInvariant(),
        "toupper" => Text(a[0]).ToUpperInvariant(),
        "take" => a[0] is IReadOnlyList<object?> list ? list.Take((int)(long)a[1]!).ToList() : new string(Text(a[0]).Take((int)(long)a[1]!).ToArray()),
        "length" => (long)(a[0] switch { string s => s.Length, IReadOnlyList<object?> l => l.Count, IReadOnlyDictionary<string, object?> m => m.Count, _ => throw Unknown(a[0]) }),
        "empty" => a[0] switch { null => true, string s => s.Length == 0, IReadOnlyList<object?> l => l.Count == 0, IReadOnlyDictionary<string, object?> m => m.Count == 0, _ => false },
        "if" => a[0] is true ? a[1] : a[2],
        "equals" => Equals(a[0], a[1]),
        "not" => a[0] is not true,
        "and" => a.All(x => x is true),
        "or" => a.Any(x => x is true),
        "true" => true,
        "false" => false,
        "null" => null,
        "createarray" => a.ToList(),
        "createobject" => Enumerable.Range(0, a.Count / 2).ToDictionary(i => Text(a[2 * i]), i => a[(2 * i) + 1]),
        "union" => a.Cast<IReadOnlyDictionary<string, object?>>().SelectMany(m => m).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        "subscription" => new Dictionary<string, object?> { ["id"] = $"/subscriptions/{scope.SubscriptionId}", ["subscriptionId"] = scope.SubscriptionId, ["tenantId"] = "tenant-of-the-test" },
        "environment" => new Dictionary<string, object?> { ["name"] = "AzureCloud", ["authentication"] = new Dictionary<string, object?> { ["loginEndpoint"] = "https://login.microsoftonline.com/" } },
        "resourcegroup" => new Dictionary<string, object?> { ["id"] = $"/subscriptions/{scope.SubscriptionId}/resourceGroups/{scope.ResourceGroup}", ["name"] = scope.ResourceGroup },
        "resourceid" => ResourceId($"/subscriptions/{scope.SubscriptionId}/resourceGroups/{scope.ResourceGroup}", a.Select(Text).ToList()),
        "subscriptionresourceid" => ResourceId($"/subscriptions/{scope.SubscriptionId}", a.Select(Text).ToList()),
        "extensionresourceid" => ResourceId(Text(a[0]), a.Skip(1).Select(Text).ToList()),
        "reference" => new RuntimeValue(Text(a[0]), ""),
        "uniquestring" => Hash(a, 13),
        "guid" => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", a.Select(Text))))[..16]).ToString(),
        _ => throw new NotSupportedException($"The test's ARM evaluator does not know {name}(): add it to ArmFunctions."),
    };

    /// <summary>resourceId's form: the type's segments interleaved with the names.</summary>
    public static string ResourceId(string under, IReadOnlyList<string> typeAndNames)
    {
        var type = typeAndNames[0].Split('/');
        var names = typeAndNames.Skip(1).ToList();
        if (type.Length - 1 != names.Count)
            throw new InvalidOperationException($"resourceId({string.Join(", ", typeAndNames)}): {type.Length - 1} names expected");
        var id = new StringBuilder(under).Append("/providers/").Append(type[0]);
        for (var i = 0; i < names.Count; i++)
            id.Append('/').Append(type[i + 1]).Append('/').Append(names[i]);
        return id.ToString();
    }

    public static string Text(object? value) => value switch
    {
        string s => s,
        long n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        RuntimeValue runtime => runtime.ToString(),
        _ => throw Unknown(value),
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        IReadOnlyList<object?> => "an array",
        IReadOnlyDictionary<string, object?> => "an object",
        _ => $"'{value}'",
    };

    private static string Format(string format, IReadOnlyList<object?> arguments)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                result.Append(Text(arguments[int.Parse(format.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture)]));
                i = end;
            }
            else
            {
                result.Append(format[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>A deterministic stand-in for uniqueString: lower-case letters and digits, as long as ARM's.</summary>
    private static string Hash(IEnumerable<object?> values, int length)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", values.Select(Text))));
        return new string(bytes.Take(length).Select(b => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).ToArray());
    }

    private static InvalidOperationException Unknown(object? value) => new($"unexpected value {Describe(value)}");
}
