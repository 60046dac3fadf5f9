using System.CommandLine;
using DigestPipeline.Cli.Commands;
using Spectre.Console;

// Redirected output (a log, CI) is not wrapped at 80 columns: long paths stay on one line.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 200;

var root = new RootCommand("digest: DigestPipeline's command. Documents in, themed digests out, on Azure Storage or a local Azurite.")
{
    DemoCommand.Create(),
    UpCommand.Create(),
    ConsoleCommand.Create(),
    UploadCommand.Create(),
    SourceCommand.Create(),
    KeyCommand.Create(),
    NewslettersCommand.Create(),
    SubscribeCommand.Create(),
    SubscribersCommand.Create(),
    SendCommand.Create(),
    StatusCommand.Create(),
    RemoveCommand.Create(),
    RepairCommand.Create(),
    SmokeCommand.Create(),
    PoisonCommand.Create(),
    SummarizeCommand.Create(),
    EvalCommand.Create(),
};
// On Ctrl+C or SIGTERM the command's token is cancelled and the command is given this long to finish (digest up
// drains its messages in flight, up to 20 s, then stops its Azurite gracefully, up to 15 s). The default, 2 s, made
// System.CommandLine answer 143 and exit while the host was still stopping.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });
