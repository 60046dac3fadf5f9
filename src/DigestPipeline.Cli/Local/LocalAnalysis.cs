using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Configuration;

namespace DigestPipeline.Cli.Local;

/// <summary>
/// What the commands that analyse local files (<c>summarize</c>, <c>eval</c>) need, read from the same configuration
/// as the pipeline: the theme taxonomy (<c>Themes:Path</c>, or the file given) and the reader's and summarizer's options.
/// </summary>
public sealed record LocalAnalysis(ThemeTaxonomy Taxonomy, string TaxonomyPath, DocumentReaderOptions ReaderOptions, SummarizerOptions SummarizerOptions)
{
    /// <exception cref="InvalidOperationException">the taxonomy cannot be read; the message says which file and why.</exception>
    public static LocalAnalysis Load(FileInfo? themesFile)
    {
        var configuration = PipelineHost.Configuration(Workspace.Find());
        var themesPath = themesFile?.FullName ?? Path.GetFullPath(configuration[$"{ThemeTaxonomyOptions.Section}:Path"]!);
        ThemeTaxonomy taxonomy;
        try
        {
            using var stream = File.OpenRead(themesPath);
            taxonomy = ThemeTaxonomy.Load(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InvalidOperationException($"Cannot read the theme taxonomy '{themesPath}' (run inside the repository or pass --themes): {e.Message}", e);
        }

        return new LocalAnalysis(
            taxonomy,
            themesPath,
            configuration.GetSection(DocumentReaderOptions.Section).Get<DocumentReaderOptions>() ?? new DocumentReaderOptions(),
            configuration.GetSection(SummarizerOptions.Section).Get<SummarizerOptions>() ?? new SummarizerOptions());
    }
}
