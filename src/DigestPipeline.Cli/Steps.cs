using Spectre.Console;

namespace DigestPipeline.Cli;

/// <summary>The command's progress lines: a spinner while a step runs, a check mark when it is done.</summary>
public static class Steps
{
    public static async Task<T> StepAsync<T>(string title, Func<Task<T>> step)
    {
        var result = await AnsiConsole.Status().StartAsync(Markup.Escape(title) + "…", _ => step());
        Done(title);
        return result;
    }

    public static async Task StepAsync(string title, Func<Task> step)
    {
        await AnsiConsole.Status().StartAsync(Markup.Escape(title) + "…", _ => step());
        Done(title);
    }

    public static void Done(string message) => AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(message)}");
}
