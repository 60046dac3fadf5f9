using System.Text;
using System.Text.Json;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// The evaluation sets of <c>../shared/eval</c> (beside the repository), or of the folder named by
/// <see cref="DirectoryVariable"/>. Each JSON line becomes the upload <c>{id}.txt</c> holding
/// <c>title + "\n\n" + text</c> in UTF-8.
/// </summary>
public static class EvaluationCorpus
{
    public const string DirectoryVariable = "DIGEST_EVAL_DIR";
    public const string BbcFile = "bbc_news_summary.dev.jsonl";

    public static string Directory() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "eval"));

    /// <summary>The BBC News Summary dev set (1,780 English articles), in file order.</summary>
    public static IReadOnlyList<CorpusDocument> LoadBbc() => Load(BbcFile);

    public static IReadOnlyList<CorpusDocument> Load(string fileName)
    {
        var path = Path.Combine(Directory(), fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The evaluation file {path} is missing: put {fileName} in ../shared/eval beside the repository, or set {DirectoryVariable} to the folder that holds it.",
                path);
        }

        return LoadFile(path);
    }

    /// <summary>Any set of the same JSON Lines shape, by its path.</summary>
    public static IReadOnlyList<CorpusDocument> LoadFile(string path)
    {
        var documents = new List<CorpusDocument>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            var id = row.GetProperty("id").GetString();
            var title = row.GetProperty("title").GetString();
            var text = row.GetProperty("text").GetString();
            if (id is null || title is null || text is null)
            {
                throw new InvalidDataException($"{path}: a line lacks its id, title or text.");
            }

            documents.Add(new CorpusDocument(id + ".txt", Encoding.UTF8.GetBytes(title + "\n\n" + text)));
        }

        return documents;
    }
}
