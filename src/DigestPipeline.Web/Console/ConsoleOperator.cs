namespace DigestPipeline.Web.Console;

/// <summary>Who is at the console.</summary>
/// <param name="Name">What the menu shows: the Entra ID user name, or "this machine" locally.</param>
/// <param name="SessionId">What the form token signs: the login session's nonce, or the Entra ID object id.</param>
/// <param name="SignOutUrl">Where signing out is a link (App Service's <c>/.auth/logout</c>); empty when it is the console's own POST.</param>
public sealed record ConsoleOperator(string Name, string SessionId, string SignOutUrl);
