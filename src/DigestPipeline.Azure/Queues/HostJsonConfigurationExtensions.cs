using Microsoft.Extensions.Configuration;

namespace DigestPipeline.Azure.Queues;

public static class HostJsonConfigurationExtensions
{
    /// <summary>
    /// Adds the Functions <c>host.json</c> (optional) so the local host reads the same <c>extensions:queues</c>
    /// settings as Azure. Looks in <paramref name="directory"/>, else next to the application.
    /// </summary>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder builder, string? directory = null) =>
        builder.AddJsonFile(Path.Combine(directory ?? AppContext.BaseDirectory, "host.json"), optional: true, reloadOnChange: false);
}
