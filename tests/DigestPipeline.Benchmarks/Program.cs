using BenchmarkDotNet.Running;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Benchmarks.Planning;

// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- latency      upload → summary latency on Azurite
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- planning [--subscribers n] [--azurite]   one planning run's cost
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

    case "planning":
        return await PlanningCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);

    case "bench":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
        return 0;

    default:
        await Console.Error.WriteLineAsync("""
            Usage:
              latency          upload → summary-written latency through the local host on Azurite, and Azurite's ceiling
              planning [--subscribers n] [--ticks n] [--azurite]
                               cost of one planning run with n subscribers (default 100,000), in memory or on Azurite
              bench [args]     BenchmarkDotNet benchmarks (e.g. bench --filter '*DocumentAnalysis*')
            """);
        return 2;
}
