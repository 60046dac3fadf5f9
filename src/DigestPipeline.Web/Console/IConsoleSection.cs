namespace DigestPipeline.Web.Console;

/// <summary>
/// A part of the operator console (documents, upload, themes, subscribers, operations): the routes it answers under
/// <c>/console/</c>. Registered as a singleton (<see cref="ConsoleServiceCollectionExtensions.AddConsole"/>); its
/// handlers run only for a signed-in operator, and a POST only with a valid form token (<see cref="ConsoleApp"/>).
/// </summary>
public interface IConsoleSection
{
    void Map(ConsoleRoutes routes);
}
