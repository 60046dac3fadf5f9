using System.Text.Json;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>One resource the template would deploy, every expression evaluated (copy loops unrolled).</summary>
internal sealed record ArmResource(string Type, string Name, string Id, IReadOnlyDictionary<string, object?> Body)
{
    /// <summary>The last segment of the name: <c>account/default/incoming</c> → <c>incoming</c>.</summary>
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];

    public IReadOnlyDictionary<string, object?> Properties => Map(Body, "properties");

    /// <summary><c>properties.a.b</c> as text, or null where the template sets nothing.</summary>
    public string? Text(params string[] path)
    {
        object? value = Body;
        foreach (var name in path)
        {
            if (value is not IReadOnlyDictionary<string, object?> map || !ArmExpression.TryGet(map, name, out value))
                return null;
        }

        return value is null ? null : ArmFunctions.Text(value);
    }

    public static IReadOnlyDictionary<string, object?> Map(IReadOnlyDictionary<string, object?> map, string name) =>
        ArmExpression.TryGet(map, name, out var value) && value is IReadOnlyDictionary<string, object?> inner
            ? inner
            : new Dictionary<string, object?>();
}

/// <summary>
/// The resources an ARM template (what <c>bicep build</c> writes) would deploy, given its parameters: nested
/// deployments (Bicep modules) expanded with the parameters they are passed, conditions and copy loops applied.
/// </summary>
internal static class ArmDeployment
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";

    public static IReadOnlyList<ArmResource> Resources(JsonElement template, IReadOnlyDictionary<string, object?> parameters)
    {
        var resources = new List<ArmResource>();
        Expand(template, parameters, resourceGroup: "", resources);
        return resources;
    }

    private static void Expand(JsonElement template, IReadOnlyDictionary<string, object?> given, string resourceGroup, List<ArmResource> into)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var variables = new Dictionary<string, Func<object?>>(StringComparer.OrdinalIgnoreCase);
        var scope = new ArmScope(parameters, variables, SubscriptionId, resourceGroup);

        if (template.TryGetProperty("parameters", out var declared))
        {
            foreach (var parameter in declared.EnumerateObject())
            {
                if (given.TryGetValue(parameter.Name, out var value))
                    parameters[parameter.Name] = value;
                else if (parameter.Value.TryGetProperty("defaultValue", out var defaultValue))
                    parameters[parameter.Name] = Evaluate(defaultValue, scope);
                else
                    throw new InvalidOperationException($"parameter '{parameter.Name}' has no value and no default");
            }
        }

        if (template.TryGetProperty("variables", out var declaredVariables))
        {
            foreach (var variable in declaredVariables.EnumerateObject())
            {
                var body = variable.Value;
                var value = new Lazy<object?>(() => Evaluate(body, scope));
                variables[variable.Name] = () => value.Value;
            }
        }

        var declaredResources = template.GetProperty("resources");
        var list = declaredResources.ValueKind == JsonValueKind.Object
            ? declaredResources.EnumerateObject().Select(p => p.Value) // languageVersion 2.0: by symbolic name
            : declaredResources.EnumerateArray();
        foreach (var resource in list)
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True)
                continue;
            var count = resource.TryGetProperty("copy", out var copy) ? (long)Evaluate(copy.GetProperty("count"), scope)! : -1;
            foreach (var index in count < 0 ? [-1] : Enumerable.Range(0, (int)count))
            {
                var at = index < 0 ? scope : scope.WithCopyIndex(index);
                if (resource.TryGetProperty("condition", out var condition) && Evaluate(condition, at) is not true)
                    continue;
                Add(resource, at, resourceGroup, into);
            }
        }
    }

    private static void Add(JsonElement resource, ArmScope scope, string resourceGroup, List<ArmResource> into)
    {
        var type = resource.GetProperty("type").GetString()!;
        var isModule = type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                       && resource.GetProperty("properties").TryGetProperty("template", out _);
        // A module's template has its own scope ("inner"): it is expanded below, with the parameters passed to it.
        var body = EvaluateResource(resource, scope, skipInProperties: isModule ? "template" : null);
        var name = ArmFunctions.Text(body["name"]);
        var id = body.TryGetValue("scope", out var on) && on is not null
            ? $"{ArmFunctions.Text(on)}/providers/{type}/{name}"
            : ArmFunctions.ResourceId(
                resourceGroup.Length == 0 ? $"/subscriptions/{SubscriptionId}" : $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}",
                [type, .. name.Split('/')]);
        into.Add(new ArmResource(type, name, id, body));

        if (isModule)
        {
            var properties = ArmResource.Map(body, "properties");
            var passed = ArmResource.Map(properties, "parameters")
                .ToDictionary(p => p.Key, p => ((IReadOnlyDictionary<string, object?>)p.Value!)["value"], StringComparer.OrdinalIgnoreCase);
            var group = body.TryGetValue("resourceGroup", out var g) && g is not null ? ArmFunctions.Text(g) : resourceGroup;
            Expand(resource.GetProperty("properties").GetProperty("template"), passed, group, into);
        }
    }

    /// <summary>A resource's declaration evaluated, less what only drives the deployment (its loop, its order).</summary>
    private static Dictionary<string, object?> EvaluateResource(JsonElement resource, ArmScope scope, string? skipInProperties) =>
        resource.EnumerateObject()
            .Where(p => p.Name is not ("copy" or "dependsOn" or "condition"))
            .ToDictionary(
                p => p.Name,
                p => p.Name == "properties" && skipInProperties is not null
                    ? p.Value.EnumerateObject().Where(q => q.Name != skipInProperties).ToDictionary(q => q.Name, q => Evaluate(q.Value, scope), StringComparer.OrdinalIgnoreCase)
                    : Evaluate(p.Value, scope),
                StringComparer.OrdinalIgnoreCase);

    /// <summary>A template value with every expression in it evaluated, property names included.</summary>
    private static object? Evaluate(JsonElement value, ArmScope scope) => value.ValueKind switch
    {
        JsonValueKind.String => ArmExpression.EvaluateString(value.GetString()!, scope),
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(v => Evaluate(v, scope)).ToList(),
        _ => value.EnumerateObject().ToDictionary(
            p => ArmFunctions.Text(ArmExpression.EvaluateString(p.Name, scope)),
            p => Evaluate(p.Value, scope),
            StringComparer.OrdinalIgnoreCase),
    };
}
