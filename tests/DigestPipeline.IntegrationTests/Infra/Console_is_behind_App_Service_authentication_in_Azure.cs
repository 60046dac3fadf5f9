using DigestPipeline.Web.Console;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// The operator console in Azure: infra/ turns on App Service authentication with Entra ID for it (anonymous requests
/// still allowed, for the public pages and the API), tells the app to trust the platform's headers and whom to let
/// in, and keeps the app registration's secret in Key Vault; and the app, given those settings, starts.
/// </summary>
public sealed class Console_is_behind_App_Service_authentication_in_Azure
{
    [Fact]
    public async Task The_Function_App_signs_operators_in_with_Entra_ID_and_lets_anonymous_requests_through_to_the_other_pages()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();

        var auth = deployment.OfType("Microsoft.Web/sites/config").Where(c => c.Name == $"{deployment.FunctionApp.Name}/authsettingsV2")
            .ShouldHaveSingleItem("App Service authentication is declared");
        auth.Text("properties", "platform", "enabled").ShouldBe("True");
        auth.Text("properties", "globalValidation", "requireAuthentication").ShouldBe("False");
        auth.Text("properties", "globalValidation", "unauthenticatedClientAction").ShouldBe("AllowAnonymous", "the landing page, subscriber pages and the upload API stay public");
        auth.Text("properties", "identityProviders", "azureActiveDirectory", "registration", "clientId").ShouldBe("test-consoleEntraClientId");
        auth.Text("properties", "identityProviders", "azureActiveDirectory", "registration", "openIdIssuer")
            .ShouldBe("https://login.microsoftonline.com/tenant-of-the-test/v2.0");
        var secretSetting = auth.Text("properties", "identityProviders", "azureActiveDirectory", "registration", "clientSecretSettingName").ShouldNotBeNull();
        deployment.AppSettings[secretSetting].ShouldStartWith("@Microsoft.KeyVault(SecretUri=", customMessage: "the client secret is a Key Vault reference");
    }

    [Fact]
    public async Task The_app_settings_put_the_console_behind_the_platform_for_the_operators_given_and_the_app_accepts_them()
    {
        var settings = (await AzureDeployment.OfRepositoryAsync()).AppSettings;

        settings["Console__Access"].ShouldBe(nameof(ConsoleAccessMode.AppServiceAuthentication));
        settings["Console__Operators"].ShouldBe("test-consoleOperators");
        Validate(settings, authEnabled: true).Succeeded.ShouldBeTrue();
        // The console's local mode, where every request comes over loopback from the Functions host, is refused in Azure.
        var local = new Dictionary<string, string>(settings) { ["Console__Access"] = nameof(ConsoleAccessMode.Local) };
        Validate(local, authEnabled: true).Failures.ShouldHaveSingleItem().ShouldContain("in Azure");
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(IReadOnlyDictionary<string, string> appSettings, bool authEnabled)
    {
        var values = appSettings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        values["WEBSITE_SITE_NAME"] = "func-digest-test";
        values["WEBSITE_AUTH_ENABLED"] = authEnabled ? "True" : "False";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        return new ConsoleOptionsValidator(configuration).Validate(null, options);
    }
}
