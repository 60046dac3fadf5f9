using BenchmarkDotNet.Running;
using DigestPipeline.Benchmarks.Latency;

// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- latency      upload → summary latency on Azurite
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- bench [BDN args]   BenchmarkDotNet benchmarks
switch (args.FirstOrDefault())
{
    case "latency":
        using (var cancellation = new CancellationTokenSource())
        {
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };
            return await LatencyCommand.RunAsync(Console.Out, Console.Error, cancellation.Token);
        }

    case "bench":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
        return 0;

    default:
        await Console.Error.WriteLineAsync("""
            Usage:
              latency          upload → summary-written latency through the local host on Azurite, and Azurite's ceiling
              bench [args]     BenchmarkDotNet benchmarks (e.g. bench --filter '*DocumentAnalysis*')
            """);
        return 2;
}
