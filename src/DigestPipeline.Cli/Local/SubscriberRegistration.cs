using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Cli.Local;

/// <summary>Loads a subscribers file into the Subscribers table; an address already there keeps its history.</summary>
public static class SubscriberRegistration
{
    public static async Task<IReadOnlyList<Subscriber>> LoadAsync(
        string path, ISubscriberStore store, ThemeTaxonomy taxonomy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<Subscriber> subscribers;
        await using (var file = File.OpenRead(path))
            subscribers = SubscriberFile.Read(file, taxonomy, now, DigestLanguages.Supported);

        foreach (var subscriber in subscribers)
        {
            var existing = await store.GetAsync(subscriber.Id, cancellationToken);
            await store.UpsertAsync(existing is null ? subscriber : existing with
            {
                DisplayName = subscriber.DisplayName,
                Themes = subscriber.Themes,
                Language = subscriber.Language,
                AlsoReads = subscriber.AlsoReads,
                Schedule = subscriber.Schedule,
                TimeZone = subscriber.TimeZone,
                State = SubscriberState.Active,
            }, cancellationToken);
        }

        return subscribers;
    }
}
