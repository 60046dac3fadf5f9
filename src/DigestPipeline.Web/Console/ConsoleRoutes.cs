using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace DigestPipeline.Web.Console;

/// <summary>
/// The console's route table: ASP.NET Core's route templates (<c>documents/{id}</c>), relative to <c>/console/</c>,
/// matched by its <see cref="TemplateMatcher"/>. One table serves both hosts: Kestrel (<c>digest up</c>) and the
/// Functions app each hand every <c>/console</c> request to <see cref="ConsoleApp"/>, so a section is written once.
/// </summary>
public sealed class ConsoleRoutes
{
    private readonly List<Route> _routes = [];

    public ConsoleRoutes Get(string template, Func<ConsoleRequest, Task<IResult>> handler) => Add(HttpMethods.Get, template, handler);

    public ConsoleRoutes Post(string template, Func<ConsoleRequest, Task<IResult>> handler) => Add(HttpMethods.Post, template, handler);

    /// <summary>The handler of the first route matching the method and path (without <c>/console/</c>), with its values.</summary>
    internal (Func<ConsoleRequest, Task<IResult>> Handler, RouteValueDictionary Values)? Match(string method, string path)
    {
        foreach (var route in _routes)
        {
            var values = new RouteValueDictionary();
            if (HttpMethods.Equals(route.Method, method) && route.Matcher.TryMatch("/" + path, values))
                return (route.Handler, values);
        }

        return null;
    }

    /// <summary>Whether any route answers the path, whatever the method (a 405 rather than a 404).</summary>
    internal bool Knows(string path) =>
        _routes.Any(r => r.Matcher.TryMatch("/" + path, new RouteValueDictionary()));

    private ConsoleRoutes Add(string method, string template, Func<ConsoleRequest, Task<IResult>> handler)
    {
        _routes.Add(new Route(method, new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()), handler));
        return this;
    }

    private sealed record Route(string Method, TemplateMatcher Matcher, Func<ConsoleRequest, Task<IResult>> Handler);
}
