using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IMailSender"/>: <see cref="SmtpMailSender"/> (pooled) when <c>Mail:Smtp:Host</c> is
    /// set, else <see cref="PickupFolderMailSender"/> writing to <c>Mail:PickupDirectory</c>. Options are validated at
    /// start, so a bad setting stops the host with a clear message.
    /// </summary>
    public static IServiceCollection AddDigestMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The newsletter mailbox (Core's ReadNewslettersHandler reads it only when Newsletters:Host is set).
        services.TryAddSingleton<IMailbox, ImapMailbox>();

        if (!string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]))
        {
            services.AddOptions<SmtpOptions>()
                .Bind(configuration.GetSection(SmtpOptions.Section))
                .ValidateDataAnnotations()
                .Validate(o => !KeyVaultReference.IsUnresolved(o.Password), KeyVaultReference.Refusal("Mail:Smtp:Password"))
                .Validate(o => string.IsNullOrEmpty(o.UserName) || o.Password is not null,
                    "Mail:Smtp:Password is required when Mail:Smtp:UserName is set.")
                .Validate(o => o.RetryBaseDelay <= o.RetryMaxDelay, "Mail:Smtp:RetryBaseDelay must not exceed Mail:Smtp:RetryMaxDelay.")
                .ValidateOnStart();
            services.TryAddSingleton<SmtpMailSender>();
            services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<SmtpMailSender>());
        }
        else
        {
            services.TryAddSingleton<PickupFolderMailSender>();
            services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<PickupFolderMailSender>());
        }

        return services;
    }
}
