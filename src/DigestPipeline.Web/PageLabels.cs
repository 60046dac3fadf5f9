namespace DigestPipeline.Web;

/// <summary>The words of the subscriber pages in one language: French, or English for any other.</summary>
public sealed record PageLabels(
    string Language,
    string UnsubscribeTitle,
    string UnsubscribeAllQuestion,
    string UnsubscribeThemeQuestionFormat,
    string UnsubscribeButton,
    string UnsubscribedTitle,
    string UnsubscribedAll,
    string UnsubscribedThemeFormat,
    string MalformedTitle,
    string MalformedText,
    string ForbiddenTitle,
    string ForbiddenText,
    string ExpiredTitle,
    string ExpiredText,
    string NotFoundTitle,
    string NotFoundText)
{
    public static PageLabels French { get; } = new(
        Language: "fr",
        UnsubscribeTitle: "Désabonnement",
        UnsubscribeAllQuestion: "Vous ne recevrez plus aucun digest.",
        UnsubscribeThemeQuestionFormat: "Vous ne recevrez plus le thème «\u00A0{0}\u00A0» ; vos autres thèmes continuent.",
        UnsubscribeButton: "Me désabonner",
        UnsubscribedTitle: "C’est fait",
        UnsubscribedAll: "Vous êtes désabonné(e) : vous ne recevrez plus aucun digest.",
        UnsubscribedThemeFormat: "Vous ne recevrez plus le thème «\u00A0{0}\u00A0».",
        MalformedTitle: "Lien incomplet",
        MalformedText: "Ce lien est incomplet ou abîmé. Copiez le lien entier depuis l’e-mail.",
        ForbiddenTitle: "Lien non valable",
        ForbiddenText: "Ce lien n’est pas valable pour cette page.",
        ExpiredTitle: "Lien expiré",
        ExpiredText: "Ce lien a expiré. Utilisez celui d’un digest plus récent.",
        NotFoundTitle: "Introuvable",
        NotFoundText: "Ce que désigne ce lien n’existe plus.");

    public static PageLabels English { get; } = new(
        Language: "en",
        UnsubscribeTitle: "Unsubscribe",
        UnsubscribeAllQuestion: "You will stop receiving all digests.",
        UnsubscribeThemeQuestionFormat: "You will stop receiving the theme \u201C{0}\u201D; your other themes continue.",
        UnsubscribeButton: "Unsubscribe",
        UnsubscribedTitle: "Done",
        UnsubscribedAll: "You are unsubscribed: you will receive no more digests.",
        UnsubscribedThemeFormat: "You will no longer receive the theme \u201C{0}\u201D.",
        MalformedTitle: "Incomplete link",
        MalformedText: "This link is incomplete or damaged. Copy the whole link from the email.",
        ForbiddenTitle: "Invalid link",
        ForbiddenText: "This link is not valid for this page.",
        ExpiredTitle: "Expired link",
        ExpiredText: "This link has expired. Use the one in a more recent digest.",
        NotFoundTitle: "Not found",
        NotFoundText: "What this link points to no longer exists.");

    /// <summary>The labels for a language tag (<c>fr</c>, <c>fr-CA</c>, <c>en-US</c>) or an Accept-Language value; English when unknown.</summary>
    public static PageLabels For(string? language)
    {
        var primary = (language ?? "").TrimStart();
        return primary.StartsWith("fr", StringComparison.OrdinalIgnoreCase)
               && (primary.Length == 2 || primary[2] is '-' or '_' or ',' or ';')
            ? French
            : English;
    }
}
