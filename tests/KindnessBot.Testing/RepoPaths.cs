namespace KindnessBot.Testing;

/// <summary>Finds the repository (the folder with KindnessBot.sln) and the node tools installed in it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string Artefacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts", "test-results");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string RequireNodeTool(string relativePath)
    {
        var path = Path.Combine(NodeModules, relativePath);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{relativePath} is not installed. Run ./test.sh (it runs 'npm ci') rather than 'dotnet test' alone.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KindnessBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find KindnessBot.sln above " + AppContext.BaseDirectory);
    }
}
