using System.Security.Cryptography;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Configuration;

namespace DigestPipeline.Cli.Local;

/// <summary>
/// The token secret of local runs that configure none: 48 random bytes made once, kept in
/// <c>.digest/token-secret</c> (git-ignored, readable by the owner only), so that links in mail sent yesterday
/// still work today. A configured <c>Subscriptions:TokenSecret</c> always wins and no file is made.
/// </summary>
public static class LocalTokenSecret
{
    public const string Key = SubscriptionOptions.Section + ":" + nameof(SubscriptionOptions.TokenSecret);

    public static string PathIn(Workspace workspace) => Path.Combine(workspace.DataDirectory, "token-secret");

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[Key]);

    /// <summary>The secret in the workspace's file, made first if missing; safe when several commands start at once.</summary>
    public static string ReadOrCreate(Workspace workspace)
    {
        var path = PathIn(workspace);
        if (TryRead(path) is { } existing)
            return existing;

        Directory.CreateDirectory(workspace.DataDirectory);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(secret);
        }

        try
        {
            // No overwrite: when another command made the file first, its secret is the one to keep.
            File.Move(temporary, path, overwrite: false);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return TryRead(path) ?? throw new InvalidDataException($"'{path}' holds no token secret; delete it to make a new one.");
        }
    }

    private static string? TryRead(string path)
    {
        if (!File.Exists(path))
            return null;
        var secret = File.ReadAllText(path).Trim();
        return secret.Length > 0 ? secret : null;
    }
}
