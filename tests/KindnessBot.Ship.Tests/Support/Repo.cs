using System.Reflection;
using KindnessBot.Testing;

namespace KindnessBot.Ship.Tests.Support;

/// <summary>Paths in the repository (the folder holding KindnessBot.sln) and the tools the tests run.</summary>
internal static class Repo
{
    public static string Root => RepoPaths.Root;

    public static string ManifestDir => Path.Combine(Root, "manifest");

    public static string ManifestTemplate => Path.Combine(ManifestDir, "manifest.json");

    public static string PackageScript => Path.Combine(ManifestDir, "package.js");

    public static string MainBicep => Path.Combine(Root, "infra", "main.bicep");

    public static string MainBicepParam => Path.Combine(Root, "infra", "main.bicepparam");

    /// <summary>Node scripts that belong to these tests.</summary>
    public static string TestScript(string name) => Path.Combine(Root, "tests", "KindnessBot.Ship.Tests", "Scripts", name);

    public static string NodeTool(string relativePath)
    {
        var path = Path.Combine(Root, "node_modules", relativePath);
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"node_modules/{relativePath} is not installed: run 'npm ci' in {Root} first.");
    }

    /// <summary>The Bicep CLI that NuGet downloaded for this project (see the csproj's PackageDownload).</summary>
    public static string Bicep
    {
        get
        {
            var path = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The Bicep CLI is not at {path}: restore this project (dotnet restore) to download it.");
            }

            // NuGet extracts it executable by its owner only; anyone running the tests must be able to run it.
            if (OperatingSystem.IsWindows())
            {
                return path;
            }

            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & execute) != execute)
            {
                File.SetUnixFileMode(path, mode | execute);
            }

            return path;
        }
    }
}
