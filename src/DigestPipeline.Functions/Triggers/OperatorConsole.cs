using DigestPipeline.Web.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// <c>/console/…</c>: the operator console, every page and form through one trigger (the console routes within). In
/// Azure it sits behind App Service authentication (infra/, <c>Console__Access</c>); without it the console is off.
/// </summary>
public sealed class OperatorConsole(ConsoleApp console)
{
    [Function(nameof(OperatorConsole))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "console/{*path}")] HttpRequest request, string? path) =>
        console.HandleAsync(request.HttpContext, path);
}
