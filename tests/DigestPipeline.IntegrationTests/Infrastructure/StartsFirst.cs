using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(DigestPipeline.IntegrationTests.Infrastructure.StartsFirstOrderer))]

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A test class (or collection definition) that lasts over a minute, mostly waiting (a 2-minute outage, sends spread
/// over a minute): started before the others, so that the rest of the suite runs beside it instead of after it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsFirstAttribute : Attribute;

/// <summary>Collections marked <see cref="StartsFirstAttribute"/> first, the rest in the order given.</summary>
public sealed class StartsFirstOrderer : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => StartsFirst(c) ? 0 : 1).ToList();

    private static bool StartsFirst(ITestCollection collection)
    {
        var name = collection.TestCollectionClassName
                   ?? (collection.TestCollectionDisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                       ? collection.TestCollectionDisplayName[PerClassPrefix.Length..]
                       : null);
        return name is not null && typeof(StartsFirstOrderer).Assembly.GetType(name)?.GetCustomAttribute<StartsFirstAttribute>() is not null;
    }
}
