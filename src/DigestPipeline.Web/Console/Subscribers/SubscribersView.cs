namespace DigestPipeline.Web.Console.Subscribers;

/// <summary>The subscribers page: counts by state, the search as asked, and the first <see cref="SubscribersSection.MaxRows"/> matches.</summary>
/// <param name="Matching">How many matched (more than <paramref name="Rows"/> holds when the list is cut).</param>
internal sealed record SubscribersView(
    int Total,
    IReadOnlyList<StateCountView> Counts,
    string Query,
    IReadOnlyList<StateOptionView> States,
    int Matching,
    IReadOnlyList<SubscriberRowView> Rows)
{
    public bool Cut => Matching > Rows.Count;
}

internal sealed record StateCountView(string State, int Count);

internal sealed record StateOptionView(string Value, string Text, bool Selected);

internal sealed record SubscriberRowView(
    string Id, string Email, string Name, string State, string Themes, string Language, string Schedule, string TimeZone, string Since);
