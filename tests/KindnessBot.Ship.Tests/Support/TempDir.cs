namespace KindnessBot.Ship.Tests.Support;

/// <summary>A folder of one test's own, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kindnessbot-ship-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of manifest/ (template, icons), for tests that break one thing in it.</summary>
    public string CopyOfManifestDir()
    {
        var copy = this["manifest"];
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(Repo.ManifestDir))
        {
            File.Copy(file, System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans the temp folder eventually.
        }
    }
}
