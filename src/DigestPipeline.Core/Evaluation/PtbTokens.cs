using System.Text;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// A sentence tokenized the way the CNN/DailyMail release is (Stanford's PTB tokenizer), then lower-cased: punctuation
/// set apart by spaces (<c>76 %</c>, <c>$ 1.13bn</c>, <c>google ,</c>), brackets as <c>-lrb-</c>/<c>-rrb-</c> (and
/// <c>-lsb-</c>, <c>-rsb-</c>, <c>-lcb-</c>, <c>-rcb-</c>), double quotes as <c>``</c> and <c>''</c>, and in English the
/// clitics split off (<c>do n't</c>, <c>it 's</c>). Only the sentence's last period is set apart, so that
/// abbreviations inside it (<c>u.s.</c>, <c>mr.</c>) keep theirs, as the PTB tokenizer does. "PTB-like": enough to
/// give the engine text shaped as that release is, not a reimplementation of every PTB rule.
/// </summary>
public static class PtbTokens
{
    private static readonly string[] EnglishClitics = ["'s", "'re", "'ve", "'ll", "'d", "'m"];

    /// <param name="language">English gets its clitics split; other languages keep apostrophes inside words (l'immunité).</param>
    public static string Of(string sentence, string language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var chunks = sentence.Replace('’', '\'').Replace('‘', '`').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>(chunks.Length * 2);
        var openQuote = false;
        for (var i = 0; i < chunks.Length; i++)
        {
            AddChunk(chunks[i], isLast: i == chunks.Length - 1, language == "en", tokens, ref openQuote);
        }

        return string.Join(' ', tokens).ToLowerInvariant();
    }

    private static void AddChunk(string chunk, bool isLast, bool english, List<string> tokens, ref bool openQuote)
    {
        var start = 0;
        var end = chunk.Length;
        if (chunk == "\"")
        {
            tokens.Add(openQuote ? "''" : "``");
            openQuote = !openQuote;
            return;
        }

        while (start < end && Opening(chunk[start]) is { } opening)
        {
            if (chunk[start] == '"') openQuote = true;
            tokens.Add(opening);
            start++;
        }

        var trailing = new List<string>();
        while (end > start)
        {
            var c = chunk[end - 1];
            if (Closing(c) is { } closing)
            {
                if (c == '"') openQuote = false;
                trailing.Add(closing);
                end--;
            }
            else if (end - start >= 3 && chunk.AsSpan(end - 3, 3) is "...")
            {
                trailing.Add("...");
                end -= 3;
            }
            else if (c is ',' or ';' or ':' or '?' or '!' or '…' || (c == '.' && isLast && !trailing.Contains(".")))
            {
                trailing.Add(c.ToString());
                end--;
            }
            else
            {
                break;
            }
        }

        AddCore(chunk[start..end], english, tokens);
        for (var t = trailing.Count - 1; t >= 0; t--)
        {
            tokens.Add(trailing[t]);
        }
    }

    /// <summary>The word between the opening and closing marks: currency and % set apart, English clitics split.</summary>
    private static void AddCore(string core, bool english, List<string> tokens)
    {
        if (core.Length == 0) return;
        if (core.Length > 1 && core[0] is '$' or '£' or '€' or '#')
        {
            tokens.Add(core[..1]);
            core = core[1..];
        }

        string? percent = null;
        if (core.Length > 1 && core[^1] == '%')
        {
            percent = "%";
            core = core[..^1];
        }

        if (english && core.Length > 3 && core.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
        {
            tokens.Add(core[..^3]);
            tokens.Add(core[^3..]);
        }
        else if (english && EnglishClitics.FirstOrDefault(c => core.Length > c.Length && core.EndsWith(c, StringComparison.OrdinalIgnoreCase)) is { } clitic)
        {
            tokens.Add(core[..^clitic.Length]);
            tokens.Add(core[^clitic.Length..]);
        }
        else if (core.Length > 1 && core[^1] == '\'' && char.IsLetter(core[^2]))
        {
            // The possessive of a plural (the players') loses its apostrophe as a token of its own.
            tokens.Add(core[..^1]);
            tokens.Add("'");
        }
        else
        {
            tokens.Add(core);
        }

        if (percent is not null) tokens.Add(percent);
    }

    private static string? Opening(char c) => c switch
    {
        '"' or '“' or '«' or '`' => "``",
        '(' => "-lrb-",
        '[' => "-lsb-",
        '{' => "-lcb-",
        '\'' => "`",
        _ => null,
    };

    private static string? Closing(char c) => c switch
    {
        '"' or '”' or '»' => "''",
        ')' => "-rrb-",
        ']' => "-rsb-",
        '}' => "-rcb-",
        _ => null,
    };

    /// <summary>Used by tests and callers that tokenize a whole text: each non-empty line tokenized as one sentence.</summary>
    public static string Lines(IEnumerable<string> sentences, string language)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var builder = new StringBuilder();
        foreach (var sentence in sentences)
        {
            var line = Of(sentence, language);
            if (line.Length == 0) continue;
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(line);
        }

        return builder.ToString();
    }
}
