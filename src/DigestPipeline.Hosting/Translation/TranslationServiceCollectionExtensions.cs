using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using DigestPipeline.Core.Translation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace DigestPipeline.Hosting.Translation;

public static class TranslationServiceCollectionExtensions
{
    /// <summary>The scope Azure OpenAI (Azure AI Foundry) takes tokens for.</summary>
    private const string AzureOpenAIScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// The chat client Core translates and writes leads with (<see cref="IChatClient"/>), only when
    /// <c>Translation:Endpoint</c> is set: OpenAI's client for any OpenAI-compatible endpoint (Azure OpenAI's <c>/openai/v1/</c>,
    /// Ollama, llama.cpp's server), with the key of <c>Translation:ApiKey</c>, the host's managed identity
    /// (<c>Translation:UseManagedIdentity</c>, <c>DefaultAzureCredential</c>), or nothing for a local server. Without the
    /// endpoint nothing is registered: no client exists, and nothing is ever sent anywhere.
    /// </summary>
    public static IServiceCollection AddDigestTranslation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.GetSection(TranslationOptions.Section)[nameof(TranslationOptions.Endpoint)]))
            return services;
        if (services.Any(d => d.ServiceType == typeof(IChatClient)))
            return services;

        services.AddSingleton<IChatClient>(sp => Create(sp.GetRequiredService<IOptions<TranslationOptions>>().Value));
        return services;
    }

    /// <summary>The options were validated at start (<see cref="TranslationOptionsValidator"/>): endpoint and model are set.</summary>
    internal static IChatClient Create(TranslationOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = options.Timeout,
            // One more try on a transient failure (429, 5xx, a dropped connection); past that, the digest goes out untranslated.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
        };
        var model = options.Model!;
        ChatClient chat;
        if (options.UseManagedIdentity)
        {
            // Microsoft's way to reach Azure OpenAI's v1 endpoint with Entra ID from OpenAI's own client; the
            // constructor taking an authentication policy is marked for evaluation (OPENAI001) in OpenAI 2.15.
#pragma warning disable OPENAI001
            chat = new ChatClient(model, new BearerTokenPolicy(new DefaultAzureCredential(), AzureOpenAIScope), clientOptions);
#pragma warning restore OPENAI001
        }
        else
        {
            // A local server takes no key, but OpenAI's client requires one: any value is ignored there.
            chat = new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey), clientOptions);
        }

        return chat.AsIChatClient();
    }
}
