using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// Whether the translation provider may be asked now, and its failures told once. Translation is an enhancement: a
/// failed request leaves the digest untranslated (labelled with its language, as without a provider), and for
/// <see cref="TranslationOptions.RetryAfter"/> digests go out without asking, so that a provider that is down costs
/// one failed request per pause, not one per digest. The first failure of an outage is a warning, the provider's
/// return an information; failures in between are logged at debug level.
/// </summary>
public sealed class ProviderOutage(IOptions<TranslationOptions> options, TimeProvider time, ILogger<ProviderOutage> logger)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _downSince;
    private DateTimeOffset _nextTry = DateTimeOffset.MinValue;

    public bool IsDown
    {
        get
        {
            lock (_lock)
                return _downSince is not null;
        }
    }

    /// <summary>False while the pause after a failure lasts.</summary>
    public bool MayTry()
    {
        lock (_lock)
            return time.GetUtcNow() >= _nextTry;
    }

    public void Failed(string what, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        bool first;
        lock (_lock)
        {
            first = _downSince is null;
            _downSince ??= now;
            _nextTry = now + options.Value.RetryAfter;
        }

        // The message of the error only: a provider's response body could echo what was sent.
        if (first)
        {
            logger.LogWarning("Translation provider failed ({What}: {Error}); digests go out untranslated, without leads, and it is asked again in {RetryAfter}",
                what, error.GetBaseException().Message, options.Value.RetryAfter);
        }
        else
        {
            logger.LogDebug("Translation provider still failing ({What}: {Error})", what, error.GetBaseException().Message);
        }
    }

    public void Succeeded()
    {
        DateTimeOffset? since;
        lock (_lock)
        {
            since = _downSince;
            _downSince = null;
        }

        if (since is { } downSince)
            logger.LogInformation("Translation provider answers again (failing since {Since:u})", downSince);
    }
}
