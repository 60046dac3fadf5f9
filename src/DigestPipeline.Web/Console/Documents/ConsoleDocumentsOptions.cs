namespace DigestPipeline.Web.Console.Documents;

/// <summary>The console's documents pages (section <c>Console:Documents</c>, validated at start).</summary>
public sealed class ConsoleDocumentsOptions
{
    public const string Section = "Console:Documents";

    /// <summary>The longest time the list may show the Documents table as it was (<see cref="DocumentListSnapshot"/>);
    /// zero reads the table for every request (concurrent requests still share one read).</summary>
    public TimeSpan ListFreshFor { get; set; } = TimeSpan.FromSeconds(5);
}
