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
    UploadCommand.Create(),
    SubscribeCommand.Create(),
    SendCommand.Create(),
    StatusCommand.Create(),
    RemoveCommand.Create(),
    RepairCommand.Create(),
    PoisonCommand.Create(),
    SummarizeCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
