using System.CommandLine;
using DigestPipeline.Cli.Commands;

var root = new RootCommand("digest: DigestPipeline's command. Documents in, themed digests out, on Azure Storage or a local Azurite.")
{
    DemoCommand.Create(),
    UpCommand.Create(),
    UploadCommand.Create(),
    SubscribeCommand.Create(),
    SendCommand.Create(),
    StatusCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
