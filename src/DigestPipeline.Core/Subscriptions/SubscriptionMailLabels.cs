using System.Globalization;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>The words of the sign-up emails (confirmation, "already subscribed") in one language.</summary>
public sealed record SubscriptionMailLabels(
    string Language,
    CultureInfo Culture,
    string GreetingFormat,
    string AnonymousGreeting,
    string ConfirmSubject,
    string ConfirmText,
    string ConfirmButton,
    string ConfirmIgnore,
    string AlreadySubscribedSubject,
    string AlreadySubscribedText,
    string PreferencesButton,
    string AlreadySubscribedIgnore)
{
    public static SubscriptionMailLabels French { get; } = new(
        Language: "fr",
        Culture: CultureInfo.GetCultureInfo("fr-FR"),
        GreetingFormat: "Bonjour {0},",
        AnonymousGreeting: "Bonjour,",
        ConfirmSubject: "Confirmez votre abonnement au digest",
        ConfirmText: "Pour recevoir vos digests, confirmez votre abonnement avec ce lien (valable 48 heures) :",
        ConfirmButton: "Confirmer mon abonnement",
        ConfirmIgnore: "Si vous n’avez rien demandé, ignorez ce message : vous ne recevrez rien.",
        AlreadySubscribedSubject: "Vous êtes déjà abonné(e) au digest",
        AlreadySubscribedText: "Cette adresse est déjà abonnée. Pour changer vos thèmes, votre fréquence ou votre langue, gérez vos préférences :",
        PreferencesButton: "Gérer mes préférences",
        AlreadySubscribedIgnore: "Si vous n’avez rien demandé, ignorez ce message : rien n’a changé.");

    public static SubscriptionMailLabels English { get; } = new(
        Language: "en",
        Culture: CultureInfo.GetCultureInfo("en-GB"),
        GreetingFormat: "Hello {0},",
        AnonymousGreeting: "Hello,",
        ConfirmSubject: "Confirm your digest subscription",
        ConfirmText: "To receive your digests, confirm your subscription with this link (valid for 48 hours):",
        ConfirmButton: "Confirm my subscription",
        ConfirmIgnore: "If you did not ask for this, ignore this message: you will receive nothing.",
        AlreadySubscribedSubject: "You are already subscribed to the digest",
        AlreadySubscribedText: "This address is already subscribed. To change your themes, frequency or language, manage your preferences:",
        PreferencesButton: "Manage your preferences",
        AlreadySubscribedIgnore: "If you did not ask for this, ignore this message: nothing has changed.");

    public static SubscriptionMailLabels For(string? language) => language == "fr" ? French : English;

    public string Greeting(string displayName) =>
        displayName.Length == 0 ? AnonymousGreeting : string.Format(Culture, GreetingFormat, displayName);
}
