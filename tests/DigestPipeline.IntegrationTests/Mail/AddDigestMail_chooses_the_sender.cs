using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

public sealed class AddDigestMail_chooses_the_sender
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDigestMail(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Pickup_folder_when_no_smtp_host_is_set()
    {
        await using var services = Build(new() { ["Mail:PickupDirectory"] = "out/mail" });

        var sender = services.GetRequiredService<IMailSender>().ShouldBeOfType<PickupFolderMailSender>();
        sender.Directory.ShouldBe(Path.GetFullPath("out/mail"));
    }

    [Fact]
    public async Task Default_pickup_folder_is_under_the_current_directory()
    {
        await using var services = Build([]);

        services.GetRequiredService<IMailSender>().ShouldBeOfType<PickupFolderMailSender>()
            .Directory.ShouldBe(Path.GetFullPath(Path.Combine(".digest", "mail")));
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_as_smtp_password_stops_the_start_without_being_echoed()
    {
        await using var services = Build(new()
        {
            ["Mail:Smtp:Host"] = "smtp.azurecomm.net",
            ["Mail:Smtp:UserName"] = "user",
            ["Mail:Smtp:Password"] = "@Microsoft.KeyVault(SecretUri=https://kv-digest-prod.vault.azure.net/secrets/smtp-password/)",
        });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        error.Message.ShouldContain("Mail:Smtp:Password holds an unresolved Key Vault reference");
        error.Message.ShouldNotContain("kv-digest-prod");
    }

    [Fact]
    public async Task Smtp_when_a_host_is_set_with_options_bound()
    {
        await using var services = Build(new()
        {
            ["Mail:Smtp:Host"] = "smtp.example.org",
            ["Mail:Smtp:Port"] = "587",
            ["Mail:Smtp:Security"] = "StartTls",
            ["Mail:Smtp:UserName"] = "user",
            ["Mail:Smtp:Password"] = "secret",
        });

        services.GetRequiredService<IMailSender>().ShouldBeOfType<SmtpMailSender>();
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        options.Port.ShouldBe(587);
        options.Security.ShouldBe(SecureSocketOptions.StartTls);
        options.MaxConnections.ShouldBe(4);
        options.ToString().ShouldNotContain("secret");
    }

    [Fact]
    public async Task Bad_smtp_settings_stop_the_host_at_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "smtp.example.org",
            ["Mail:Smtp:Port"] = "0",
            ["Mail:Smtp:MaxConnections"] = "0",
        });
        builder.Services.AddDigestMail(builder.Configuration);
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Port");
        error.Message.ShouldContain("MaxConnections");
    }
}
