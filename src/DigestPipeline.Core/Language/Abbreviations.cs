using System.Collections.Frozen;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Abbreviations per language, written without their final period and compared case-sensitively. A
/// <em>non-terminal</em> abbreviation (Mr., M., e.g., Sr.) never ends a sentence; an <em>ambiguous</em> one
/// (etc., Inc., J.-C.) ends it only when the next word starts with a capital. A language's own lists take
/// precedence over the common ones: Spanish Sr. (señor) comes before a name, English Sr. (senior) after one.
/// Single letters (initials such as "J.", the "p." of "p. ex.", the "z." and "B." of "z. B.") are non-terminal in
/// every language. Dotted acronyms (U.S., p.m.) are left to <see cref="SentenceSplitter"/>.
/// </summary>
internal sealed class Abbreviations
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _nonTerminal;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _ambiguous;

    private Abbreviations(string[] nonTerminal, string[] ambiguous)
    {
        _nonTerminal = nonTerminal.Concat(CommonNonTerminal.Except(ambiguous)).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _ambiguous = ambiguous.Concat(CommonAmbiguous.Except(nonTerminal)).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly string[] CommonNonTerminal = ["cf", "vs", "ca", "Dr", "Prof", "St", "No", "Nr", "nr", "n°", "Fig", "fig", "vol", "Vol", "p", "pp"];
    private static readonly string[] CommonAmbiguous = ["etc", "al", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr"];

    private static readonly Abbreviations English = new(
        ["Mr", "Mrs", "Ms", "Mx", "Messrs", "Rev", "Hon", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Gov", "Sen", "Rep", "Pres", "Mt",
         "e.g", "i.e", "approx", "dept", "est", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd"],
        ["Ph.D", "viz"]);

    private static readonly Abbreviations French = new(
        ["M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "Ste", "av", "apr", "env", "ex", "art", "chap", "éd", "coll", "janv",
         "févr", "avr", "juil", "sept", "oct", "nov", "déc", "boul", "bd", "réf", "tél", "c.-à-d", "p.ex", "Éts", "Cie"],
        ["J.-C", "S.A", "hab", "min", "sq", "suiv"]);

    private static readonly Abbreviations German = new(
        ["Hr", "Hrn", "Fr", "Str", "z.B", "d.h", "u.a", "bzw", "vgl", "ggf", "evtl", "bspw", "inkl", "zzgl", "Jh", "Mio", "Mrd", "Tsd",
         "Abs", "Art", "Bd", "Dipl", "Ing", "geb", "gest", "sog", "s.o", "s.u", "u.U", "z.T", "Jan", "Feb", "Apr", "Aug", "Sept", "Okt", "Nov", "Dez"],
        ["usw", "u.ä", "Chr", "v.Chr", "n.Chr"]);

    private static readonly Abbreviations Spanish = new(
        ["Sr", "Sra", "Srta", "Dra", "Ud", "Uds", "Vd", "Vds", "pág", "p.ej", "ej", "aprox", "núm", "Av", "Avda", "Excmo", "Lic", "Ing", "Dña", "D"],
        ["EE.UU", "a.C", "d.C", "S.A"]);

    private static readonly Abbreviations Italian = new(
        ["Sig", "Sigg", "Sig.ra", "Sig.na", "Dott", "Dott.ssa", "Avv", "Ing", "Arch", "On", "pag", "es", "ca", "N.B"],
        ["ecc", "a.C", "d.C", "S.p.A"]);

    private static readonly Abbreviations Portuguese = new(
        ["Sr", "Sra", "Srta", "Dra", "Exmo", "Exma", "V.Exa", "pág", "p.ex", "ex", "aprox", "Av", "Eng"],
        ["a.C", "d.C", "Lda", "S.A"]);

    private static readonly Abbreviations Dutch = new(
        ["dhr", "Dhr", "mevr", "Mevr", "mw", "Mw", "dr", "prof", "ir", "Ir", "ing", "mr", "Mr", "bijv", "d.w.z", "o.a", "m.b.t", "t.a.v", "i.p.v", "z.g.a.n", "nl", "blz"],
        ["enz", "e.d", "jl", "B.V", "N.V"]);

    private static readonly Abbreviations Generic = new([], []);

    public static Abbreviations For(string language) => language switch
    {
        "en" => English,
        "fr" => French,
        "de" => German,
        "es" => Spanish,
        "it" => Italian,
        "pt" => Portuguese,
        "nl" => Dutch,
        _ => Generic,
    };

    public bool IsNonTerminal(ReadOnlySpan<char> token) => token.Length == 1 ? char.IsLetter(token[0]) : _nonTerminal.Contains(token);

    public bool IsAmbiguous(ReadOnlySpan<char> token) => _ambiguous.Contains(token);
}
