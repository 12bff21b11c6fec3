using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Functions;

/// <summary>
/// Finds the repository's one host.json: the <c>DevHost:HostJsonPath</c> setting if given, else the app's output
/// folder (Kok.Functions copies it there, and the project reference carries it into DevHost's output), else the
/// nearest folder above the output or working directory that has one (the repository root).
/// </summary>
public static class HostJsonLocator
{
    public const string PathSetting = "DevHost:HostJsonPath";
    public const string FileName = "host.json";

    public static string? Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[PathSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(full)
                ? full
                : throw new FileNotFoundException($"{PathSetting} points at {full}, which does not exist.", full);
        }

        return FindAbove(AppContext.BaseDirectory) ?? FindAbove(Directory.GetCurrentDirectory());
    }

    internal static string? FindAbove(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
