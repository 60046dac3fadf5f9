using System.Runtime.CompilerServices;

namespace DigestPipeline.Core.Language;

/// <summary>
/// The writing systems whose letters tell a language without any word list: a text mostly in Han characters is
/// Chinese, with kana Japanese, in Hangul Korean, in Arabic letters Arabic, in Cyrillic Russian, in Greek Greek, in
/// Hebrew Hebrew. Latin letters are left to the stop-word profiles of <see cref="LanguageDetector"/>.
/// </summary>
internal enum WritingScript
{
    /// <summary>Latin letters, digits, punctuation, and the scripts not listed here (Thai, Devanagari…).</summary>
    Other,
    Han,
    Kana,
    Hangul,
    Arabic,
    Cyrillic,
    Greek,
    Hebrew,
}

internal static class WritingScripts
{
    public const int Count = (int)WritingScript.Hebrew + 1;

    /// <summary>The script of a letter; <see cref="WritingScript.Other"/> for Latin and anything not listed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WritingScript Of(char c) => c switch
    {
        < '\u0370' => WritingScript.Other,
        <= '\u03FF' => WritingScript.Greek,
        <= '\u052F' => WritingScript.Cyrillic,
        >= '\u0590' and <= '\u05FF' => WritingScript.Hebrew,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' => WritingScript.Arabic,
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => WritingScript.Hangul,
        >= '\u1F00' and <= '\u1FFF' => WritingScript.Greek,
        >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F' => WritingScript.Kana,
        >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' => WritingScript.Han,
        >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => WritingScript.Arabic,
        _ => WritingScript.Other,
    };

    /// <summary>
    /// Characters written without spaces between words (Han, kana): a run of them is a whole clause, not a word, so
    /// the tokenizer cuts it into overlapping pairs and word counts count each character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUnspaced(char c) => c >= '\u3040' && Of(c) is WritingScript.Han or WritingScript.Kana && char.IsLetter(c);
}
