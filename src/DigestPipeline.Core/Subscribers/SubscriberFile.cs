using System.Net.Mail;
using System.Text.Json;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Subscribers;

/// <summary>Reads a subscribers file (<c>seeds/subscribers.json</c>) into validated subscribers.</summary>
public static class SubscriberFile
{
    /// <param name="ReadingLanguages">The languages read besides <paramref name="Language"/> (which may be listed too); none when absent.</param>
    private sealed record Entry(
        string? Email, string? DisplayName, List<string>? Themes, string? Language, List<string>? ReadingLanguages, string? Schedule, string? TimeZone);

    private sealed record FileShape(List<Entry>? Subscribers);

    /// <param name="languages">The digest languages (the first is the default): Subscriptions' <c>DigestLanguages.Supported</c>.</param>
    /// <exception cref="InvalidDataException">an entry is invalid; the message names it and says why.</exception>
    public static IReadOnlyList<Subscriber> Read(Stream json, ThemeTaxonomy taxonomy, DateTimeOffset now, IReadOnlyList<string> languages)
    {
        FileShape? file;
        try
        {
            file = JsonSerializer.Deserialize<FileShape>(json, PipelineJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a subscribers file: {e.Message}", e);
        }

        if (file?.Subscribers is not { } entries)
            throw new InvalidDataException("A subscribers file is an object with a \"subscribers\" array.");
        return entries.Select((entry, index) => ToSubscriber(entry, index, taxonomy, now, languages)).ToList();
    }

    private static Subscriber ToSubscriber(Entry entry, int index, ThemeTaxonomy taxonomy, DateTimeOffset now, IReadOnlyList<string> languages)
    {
        var where = $"subscribers[{index}]";
        if (string.IsNullOrWhiteSpace(entry.Email) || !MailAddress.TryCreate(entry.Email, out var address) || address.Address != entry.Email.Trim())
            throw new InvalidDataException($"{where}: '{entry.Email}' is not an email address.");
        where = $"{where} ({address.Address})";
        var language = entry.Language ?? languages[0];
        if (!languages.Contains(language, StringComparer.Ordinal))
            throw new InvalidDataException($"{where}: language '{language}' is not one of {string.Join(", ", languages)}.");
        var unread = (entry.ReadingLanguages ?? []).Where(code => !ReadingLanguages.IsOffered(code)).ToList();
        if (unread.Count > 0)
        {
            throw new InvalidDataException(
                $"{where}: reading languages {string.Join(", ", unread)} are not among {string.Join(", ", ReadingLanguages.Offered)}.");
        }

        if (entry.Themes is not { Count: > 0 } themes)
            throw new InvalidDataException($"{where}: at least one theme is needed.");
        var unknown = themes.Where(t => taxonomy.Find(t) is null).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{where}: unknown themes {string.Join(", ", unknown)}; known: {string.Join(", ", taxonomy.Themes.Select(t => t.Id))}.");
        var schedule = entry.Schedule ?? "0 7 * * *";
        var timeZone = entry.TimeZone ?? "UTC";
        try
        {
            DigestSchedule.Parse(schedule, timeZone);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }

        var displayName = entry.DisplayName?.Trim() ?? "";
        if (displayName.Any(char.IsControl))
            throw new InvalidDataException($"{where}: the display name contains control characters.");
        return new Subscriber(Subscriber.IdFor(address.Address), address.Address, displayName, themes, language, schedule, timeZone,
            SubscriberState.Active, now)
        {
            AlsoReads = ReadingLanguages.Others(language, entry.ReadingLanguages ?? []),
        };
    }
}
