using System.Net;
using System.Text;
using System.Text.Json;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// The console as the Function App runs it in Azure (<c>Console:Access</c> AppServiceAuthentication), served here by
/// Kestrel: App Service itself cannot run here, so the tests send the headers its authentication sets on a signed-in
/// request. Only the operators named get in; a visitor is sent to the platform's sign-in; without the platform's
/// authentication on, the console stays shut.
/// </summary>
public sealed class Console_behind_App_Service_authentication(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ObjectId = "7d3b0c55-1e5a-4b8e-9c43-2f1f6a0c9e21";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_named_operators_get_in_and_a_visitor_is_sent_to_the_platforms_sign_in()
    {
        await using var host = await StartAsync(authEnabled: true);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Addresses[0]) };

        var visitor = await http.GetAsync("/console/documents", Cancellation);
        var byName = await SendAsync(http, ("X-MS-CLIENT-PRINCIPAL-ID", "another-object-id"), ("X-MS-CLIENT-PRINCIPAL-NAME", "ops@example.org"));
        var byObjectId = await SendAsync(http, ("X-MS-CLIENT-PRINCIPAL", Principal(ObjectId, "someone@example.org")));
        var otherUser = await SendAsync(http, ("X-MS-CLIENT-PRINCIPAL-ID", "another-object-id"), ("X-MS-CLIENT-PRINCIPAL-NAME", "intruder@example.org"));

        visitor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        visitor.Headers.Location!.OriginalString.ShouldStartWith("/.auth/login/aad?post_login_redirect_uri=");
        byName.StatusCode.ShouldBe(HttpStatusCode.SeeOther, "an operator named by user name is in");
        byObjectId.StatusCode.ShouldBe(HttpStatusCode.SeeOther, "an operator named by object id, from the claims header, is in");
        otherUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherUser.Content.ReadAsStringAsync(Cancellation)).ShouldContain("Not an operator");
        (await http.GetAsync("/console/login?token=x", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no login links here: the platform signs in");
    }

    [Fact]
    public async Task Without_the_platforms_authentication_on_the_console_stays_shut_and_says_why()
    {
        await using var host = await StartAsync(authEnabled: false);
        using var http = new HttpClient { BaseAddress = new Uri(host.Addresses[0]) };

        var forged = await SendAsync(http, ("X-MS-CLIENT-PRINCIPAL-ID", ObjectId), ("X-MS-CLIENT-PRINCIPAL-NAME", "ops@example.org"));

        forged.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await forged.Content.ReadAsStringAsync(Cancellation)).ShouldContain("App Service authentication is not on");
        (await http.GetAsync("/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK, "the rest of the app runs");
    }

    [Fact]
    public async Task A_console_turned_off_answers_404()
    {
        await using var host = await SubscriberPagesHost.StartAsync(azurite, Cancellation, extraSettings: new Dictionary<string, string?> { ["Console:Access"] = "Off" });
        using var http = new HttpClient { BaseAddress = new Uri(host.Addresses[0]) };

        (await http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<SubscriberPagesHost> StartAsync(bool authEnabled) =>
        SubscriberPagesHost.StartAsync(azurite, Cancellation, extraSettings: new Dictionary<string, string?>
        {
            ["Console:Access"] = "AppServiceAuthentication",
            ["Console:Operators"] = $"ops@example.org, {ObjectId}",
            ["WEBSITE_AUTH_ENABLED"] = authEnabled ? "True" : null,
        });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/");
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return await http.SendAsync(request, Cancellation);
    }

    /// <summary><c>X-MS-CLIENT-PRINCIPAL</c> as App Service writes it: Base64 JSON of the claims.</summary>
    private static string Principal(string objectId, string name) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "preferred_username",
        role_typ = "roles",
        claims = new[]
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId },
            new { typ = "preferred_username", val = name },
        },
    })));
}
