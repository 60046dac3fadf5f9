using BenchmarkDotNet.Running;
using DigestPipeline.Benchmarks.Analysis;
using DigestPipeline.Benchmarks.Digests;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Benchmarks.Load;
using DigestPipeline.Benchmarks.Memory;
using DigestPipeline.Benchmarks.Planning;

// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- latency      upload → summary latency on Azurite
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- planning [--subscribers n] [--azurite]   one planning run's cost
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- listscale [--subscribers n] [--documents n]   a digest run at list scale on Azurite
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- digests [--subscribers n] [--summaries n]   digest composition and sending load
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- load [--documents n]   1,000 uploads at once vs Azurite's ceiling
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- feeds [--items n]   a 1,000-item feed to summaries vs the same pages uploaded
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- api [--uploads n] [--bytes n]   upload API throughput and latency vs plain blob uploads
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- console [--documents n] [--requests n]   the console's documents pages with 10,000 documents
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- outage [--minutes 10]   storage down during ingestion and a digest run
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- memory   memory added by reading each bad input, one child process each
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- longreport [--sizes 1,5,20]   one long report read and summarized, by size
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- textrank-ratio --set f.jsonl [--rounds 5]   analysis MB/s against textrank.py, one core
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- tokenize --set f.jsonl [--rounds 7]   the tokenizer alone, MB/s
// dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- detect --set f.jsonl [--rounds 7]   language detection alone, MB/s
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

    case "digests":
        return await DigestsCommand.RunAsync(args[1..], Console.Out);

    case "listscale":
        return await DigestPipeline.Benchmarks.ListScale.ListScaleCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);

    case "load":
        return await LoadCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

    case "feeds":
        return await DigestPipeline.Benchmarks.Feeds.FeedCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

    case "api":
        return await DigestPipeline.Benchmarks.Api.ApiUploadCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

    case "console":
        return await DigestPipeline.Benchmarks.OperatorConsole.ConsoleDocumentsCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

    case "outage":
        return await DigestPipeline.Benchmarks.Outage.OutageCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);

    case "memory":
        return await MemoryCommand.RunAsync(args[1..], Console.Out);

    case "longreport":
        return await LongReportCommand.RunAsync(args[1..], Console.Out);

    case "longreport-size":
        return LongReportCommand.RunSize(args[1..], Console.Out);

    case "textrank-ratio":
        return await TextRankRatioCommand.RunAsync(args[1..], Console.Out);

    case "tokenize":
        return await TokenizeCommand.RunAsync(args[1..], Console.Out);

    case "detect":
        return await DetectCommand.RunAsync(args[1..], Console.Out);

    case "bench":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
        return 0;

    default:
        await Console.Error.WriteLineAsync("""
            Usage:
              latency          upload → summary-written latency through the local host on Azurite, and Azurite's ceiling
              planning [--subscribers n] [--ticks n] [--azurite] [--all-due [--sign-ups [--compact]]]
                               cost of one planning run with n subscribers (default 100,000), in memory or on Azurite;
                               with --all-due everyone is due at the first tick, placed a hundred together as digest
                               handlers place them (with --sign-ups one by one, as sign-ups do; --compact gathers
                               them first, as the repair pass does)
              digests [--subscribers n] [--summaries n] [--large-subscribers n] [--messages n] [--rounds n]
                               digests composed per second (n, default 10,000, then 100,000 for memory), sent per
                               second to aiosmtpd with the pool on 1 and 4 connections, and aiosmtpd's own ceiling
              listscale [--subscribers n] [--documents n] [--rounds 1|2] [--no-ceiling] [--timeout-minutes m]
                               n subscribers (default 20,000) all due at one minute, n summarized documents (default
                               5,000), through the local host on Azurite to aiosmtpd: planner time, due minute → last
                               digest, digests/s, storage requests per digest, peak memory, next to Azurite's ceiling
                               for the same requests (a plain SDK loop on the same Azurite)
              api [--uploads n] [--bytes n]
                               n small documents (default 1,000 of 2,048 bytes) through POST /api/documents on the
                               web app digest up serves, 1 and 4 in flight, next to plain blob uploads of the same
                               bytes to the same Azurite: uploads/s, p50/p99 latency
              console [--documents n] [--requests n] [--scans n]
                               the operator console's documents pages with n document rows (default 10,000) on
                               Azurite, 4 logged-in clients, n requests per page (default 400): requests/s, p50/p99,
                               next to /healthz, one Documents row read, the whole table read (--scans
                               times, default 40) and the list with its snapshot off
              load [--documents n] [--uploaders n]
                               n documents (default 1,000) uploaded at once through the local host on Azurite:
                               documents/s and upload → summary p50/p99, next to a plain SDK loop of the same
                               storage requests on a fresh Azurite (the ceiling)
              feeds [--items n] [--timeout-minutes m]
                               one poll of an n-item RSS feed (default 1,000) served on 127.0.0.1, through the local
                               host on Azurite until every item is summarized, next to the same pages uploaded
                               straight to incoming on a fresh Azurite (the reference)
              outage [--minutes m] [--documents n] [--subscribers s]
                               storage stopped m minutes (default 10) during an ingestion, then during a digest run:
                               processed, lost, duplicated, and time to finish after storage came back
              memory [--only text] [--alone]
                               resident memory added by reading each case of the bad-input corpus and the expanding
                               DOCX class (or those whose name contains text), each in a child process; then four of
                               the worst, and four expanding DOCX files, at once in one process (not with --alone)
              longreport [--sizes 1,5,20] [--runs n] [--source bbc|seeds] [--max-sentences n]
                               one long report of each size (MB) read and summarized, each in its own process:
                               time, allocations and peak working set, with their ratio per MB to the first size
              textrank-ratio --set f.jsonl [--rounds n] [--passes n] [--python-passes n] [--default-tiering]
                               the analysis pass of the corpus benchmark over a JSON Lines set against
                               Reference/textrank.py (Python + networkx) on the same set, both on core 0, in
                               alternating rounds: MB/s of each and their ratio, per round and median
              tokenize --set f.jsonl [--rounds n] [--passes n]
                               the tokenizer alone over a set's sentences (content words, as the analysis runs it):
                               MB/s of text, median of the rounds; run it under taskset -c 0
              detect --set f.jsonl [--rounds n] [--passes n]
                               language detection alone over a set's documents (as the reader runs it): MB/s of
                               text, median of the rounds; run it under taskset -c 0
              bench [args]     BenchmarkDotNet benchmarks (e.g. bench --filter '*DocumentAnalysis*')
            """);
        return 2;
}
