using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DigestPipeline.Web.Console;

/// <summary><c>/console</c> on Kestrel (<c>digest up</c>): every method and path handed to <see cref="ConsoleApp"/>, as the Functions app's trigger does.</summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(ConsoleApp.PathBase + "/{**path}", [HttpMethods.Get, HttpMethods.Post], (HttpContext http, string? path, ConsoleApp console) => console.HandleAsync(http, path));
        return endpoints;
    }
}
