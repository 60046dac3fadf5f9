using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>What is wrong with the settings a subscriber chose (sign-up and preferences alike), field by field.</summary>
internal static class SettingsProblems
{
    /// <param name="language">The language the messages are written in (English when no file has it).</param>
    /// <param name="readingLanguages">The languages chosen besides <paramref name="chosenLanguage"/>: each one the detector knows.</param>
    internal static IEnumerable<FieldProblem> Of(
        IReadOnlyCollection<string> themes, string? chosenLanguage, IReadOnlyCollection<string> readingLanguages, ScheduleChoice? schedule,
        ThemeTaxonomy taxonomy, string language)
    {
        var text = ScheduleProblem.Catalog.For(language);
        if (themes.Any(t => taxonomy.Find(t) is null))
            yield return new("themes", text.Get("ThemesUnknown"));

        if (!DigestLanguages.IsSupported(chosenLanguage))
            yield return new("language", text.Get("LanguageUnknown"));

        // The codes, not their names: a JSON client gets no form to pick from.
        if (readingLanguages.Any(code => !ReadingLanguages.IsOffered(code)))
        {
            yield return new("readingLanguages", text.Format("ReadingLanguagesUnknownFormat", string.Join(", ", ReadingLanguages.Offered)));
        }

        if (schedule is null)
        {
            yield return new("frequency", text.Get("FrequencyMissing"));
            yield break;
        }

        foreach (var problem in schedule.Validate())
            yield return new(problem.Field, problem.MessageIn(language));
    }
}
