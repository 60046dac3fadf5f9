using System.Diagnostics;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>A command run to its end, its output read whole; killed (with its children) if it outlasts its timeout.</summary>
internal static class ChildProcess
{
    /// <param name="start">With standard output and error redirected.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var errors = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
