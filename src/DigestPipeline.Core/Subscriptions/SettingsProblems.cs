using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>What is wrong with the settings a subscriber chose (sign-up and preferences alike), field by field.</summary>
internal static class SettingsProblems
{
    /// <param name="language">The language the messages are written in (fr or en).</param>
    public static IEnumerable<FieldProblem> Of(IReadOnlyCollection<string> themes, string? chosenLanguage, ScheduleChoice? schedule, ThemeTaxonomy taxonomy, string language)
    {
        var fr = language == "fr";
        if (themes.Any(t => taxonomy.Find(t) is null))
            yield return new("themes", fr ? "Choisissez parmi les thèmes proposés." : "Choose among the themes offered.");

        if (chosenLanguage is not ("fr" or "en"))
            yield return new("language", fr ? "Choisissez le français ou l’anglais." : "Choose French or English.");

        if (schedule is null)
        {
            yield return new("frequency", fr ? "Choisissez une fréquence : quotidienne, hebdomadaire ou cron." : "Choose a frequency: daily, weekly or cron.");
            yield break;
        }

        foreach (var problem in schedule.Validate())
            yield return new(problem.Field, problem.MessageIn(language));
    }
}
