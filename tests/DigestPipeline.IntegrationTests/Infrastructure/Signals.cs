using System.Diagnostics;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>Sends a Unix signal with the system's <c>kill</c> command (.NET can send only SIGKILL itself).</summary>
internal static class Signals
{
    public static async Task SendAsync(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {processId}") { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }
}
