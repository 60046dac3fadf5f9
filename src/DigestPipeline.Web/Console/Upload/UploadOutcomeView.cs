namespace DigestPipeline.Web.Console.Upload;

/// <summary>What became of one file of a console upload, as the page lists it and the script's JSON carries it.</summary>
/// <param name="Outcome"><c>accepted</c> or <c>refused</c> (the page's <c>li[data-outcome]</c>).</param>
/// <param name="Reason">Why refused, as a code (<c>unsupportedType</c>, <c>tooLarge</c>, <c>empty</c>, <c>badName</c>, <c>tooMany</c>); empty when accepted.</param>
/// <param name="Id">The upload's id when accepted; empty otherwise.</param>
/// <param name="Url">The upload's state page when accepted; empty otherwise.</param>
/// <param name="Problem">Why refused, in words; empty when accepted.</param>
internal sealed record UploadOutcomeView(string Name, string Outcome, string Reason, string Id, string Url, string Problem)
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
}
