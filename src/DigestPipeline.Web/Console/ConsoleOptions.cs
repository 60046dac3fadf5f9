namespace DigestPipeline.Web.Console;

/// <summary>Who may open the operator console (section <c>Console</c>, validated at start).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>How operators are recognised. <see cref="ConsoleAccessMode.Local"/> (the default) is refused in Azure.</summary>
    public ConsoleAccessMode Access { get; set; } = ConsoleAccessMode.Local;

    /// <summary>
    /// With <see cref="ConsoleAccessMode.AppServiceAuthentication"/>: the Entra ID users allowed in, by object id or
    /// user name, separated by commas (one app setting, as infra/ passes it); anyone else signed in gets 403.
    /// </summary>
    public string Operators { get; set; } = "";

    /// <summary><see cref="Operators"/> one by one.</summary>
    public IReadOnlyList<string> OperatorList =>
        Operators.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How long a login link printed by <c>digest up</c> or <c>digest console</c> can be used (once).</summary>
    public TimeSpan LoginLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a browser stays logged in after using a login link.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

public enum ConsoleAccessMode
{
    /// <summary>Requests from this machine only (loopback address and host name), each browser logged in by a one-time link.</summary>
    Local,

    /// <summary>
    /// Behind App Service authentication (Entra ID, declared in infra/): the platform signs the operator in and passes
    /// who it is in headers it strips from outside requests; the console lets in <see cref="ConsoleOptions.Operators"/>.
    /// </summary>
    AppServiceAuthentication,

    /// <summary>No console: every <c>/console</c> request answers 404.</summary>
    Off,
}
