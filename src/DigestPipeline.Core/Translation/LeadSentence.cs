namespace DigestPipeline.Core.Translation;

/// <summary>One sentence of a theme's lead: written by the model (and checked against the cited sentences), or, where
/// the written one failed the check, the theme's best cited sentence itself.</summary>
public sealed record LeadSentence(string Text, bool MachineWritten);
