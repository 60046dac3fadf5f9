using System.Globalization;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Every wait of the integration tests for something to happen (a server to listen, a document to be summarized)
/// is multiplied by <c>DIGEST_TEST_WAIT_SCALE</c> (default 1; e.g. 3 on a machine that is very busy). The waits
/// only bound how long a broken test hangs: a test passes as soon as its condition holds, never by timing.
/// </summary>
public static class TestWaits
{
    public static double Scale { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("DIGEST_TEST_WAIT_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    public static TimeSpan Scaled(TimeSpan wait) => wait * Scale;
}
