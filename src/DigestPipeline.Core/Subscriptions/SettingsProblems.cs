using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>What is wrong with the settings a subscriber chose (sign-up and preferences alike), field by field.</summary>
internal static class SettingsProblems
{
    /// <param name="language">The language the messages are written in (fr or en).</param>
    /// <param name="readingLanguages">The languages chosen besides <paramref name="chosenLanguage"/>: each one the detector knows.</param>
    public static IEnumerable<FieldProblem> Of(
        IReadOnlyCollection<string> themes, string? chosenLanguage, IReadOnlyCollection<string> readingLanguages, ScheduleChoice? schedule,
        ThemeTaxonomy taxonomy, string language)
    {
        var fr = language == "fr";
        if (themes.Any(t => taxonomy.Find(t) is null))
            yield return new("themes", fr ? "Choisissez parmi les thèmes proposés." : "Choose among the themes offered.");

        if (chosenLanguage is not ("fr" or "en"))
            yield return new("language", fr ? "Choisissez le français ou l’anglais." : "Choose French or English.");

        // The codes, not their names: a JSON client gets no form to pick from.
        if (readingLanguages.Any(code => !ReadingLanguages.IsOffered(code)))
        {
            var offered = string.Join(", ", ReadingLanguages.Offered);
            yield return new("readingLanguages", fr
                ? $"Choisissez vos langues de lecture parmi celles proposées : {offered}."
                : $"Choose your reading languages among those offered: {offered}.");
        }

        if (schedule is null)
        {
            yield return new("frequency", fr ? "Choisissez une fréquence : quotidienne, hebdomadaire ou cron." : "Choose a frequency: daily, weekly or cron.");
            yield break;
        }

        foreach (var problem in schedule.Validate())
            yield return new(problem.Field, problem.MessageIn(language));
    }
}
