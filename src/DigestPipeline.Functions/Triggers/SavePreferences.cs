using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>POST /preferences?token=</c>: saves the settings (form or JSON).</summary>
public sealed class SavePreferences(PreferencesHandler handler, ThemeTaxonomy taxonomy)
{
    [Function(nameof(SavePreferences))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "preferences")] HttpRequest request) =>
        PreferencesPageEndpoints.SavePreferencesAsync(request.HttpContext, request.Query["token"], handler, taxonomy);
}
