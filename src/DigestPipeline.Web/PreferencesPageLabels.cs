namespace DigestPipeline.Web;

/// <summary>
/// The words of the preferences page that the subscribe page does not have, in one language: French, or English
/// for any other. The shared fields take theirs from <see cref="SubscribePageLabels"/>.
/// </summary>
public sealed record PreferencesPageLabels(
    string Language,
    string Title,
    string GreetingFormat,
    string SaveButton,
    string SavedText,
    string UnsubscribedNote,
    string UnsubscribeAllButton)
{
    public static PreferencesPageLabels French { get; } = new(
        Language: "fr",
        Title: "Vos préférences",
        GreetingFormat: "Bonjour {0}, voici vos réglages.",
        SaveButton: "Enregistrer",
        SavedText: "Vos préférences sont enregistrées.",
        UnsubscribedNote: "Vous êtes désabonné(e). Choisissez des thèmes et enregistrez pour recevoir de nouveau les digests.",
        UnsubscribeAllButton: "Me désabonner de tout");

    public static PreferencesPageLabels English { get; } = new(
        Language: "en",
        Title: "Your preferences",
        GreetingFormat: "Hello {0}, here are your settings.",
        SaveButton: "Save",
        SavedText: "Your preferences are saved.",
        UnsubscribedNote: "You are unsubscribed. Choose themes and save to receive the digests again.",
        UnsubscribeAllButton: "Unsubscribe from everything");

    /// <summary>The labels for a language tag; English when not French.</summary>
    public static PreferencesPageLabels For(string? language) =>
        PageLabels.For(language).Language == "fr" ? French : English;
}
