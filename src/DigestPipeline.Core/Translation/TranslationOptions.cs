namespace DigestPipeline.Core.Translation;

/// <summary>
/// The optional translation provider (section <c>Translation</c>): any OpenAI-compatible chat endpoint (Azure OpenAI,
/// a local Ollama or llama.cpp server). Without <see cref="Endpoint"/> nothing is translated, no lead is written and
/// nothing is sent anywhere: the default pipeline needs no model.
/// </summary>
public sealed class TranslationOptions
{
    public const string Section = "Translation";

    /// <summary>The OpenAI-compatible base address, such as <c>http://127.0.0.1:11434/v1</c> (Ollama) or
    /// <c>https://{resource}.openai.azure.com/openai/v1/</c>; none (the default) turns translation and leads off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model (or Azure OpenAI deployment) name.</summary>
    public string? Model { get; set; }

    /// <summary>The provider's key, from the environment or a secret store only; never logged. None for a local server.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Authenticate with the host's managed identity (<c>DefaultAzureCredential</c>) instead of a key: Azure OpenAI in Azure.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Write a lead at the head of each theme (on by default once a provider is configured).</summary>
    public bool Leads { get; set; } = true;

    /// <summary>The longest one request to the provider may take; past it the digest goes out untranslated.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest the translations and leads of one batch of digests may take, all requests together: past it, the
    /// batch's remaining digests go out as without a provider (what is cached is still used).
    /// </summary>
    public TimeSpan BatchBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After a failure, how long digests go out without asking the provider again (they never wait for it).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
