namespace KindnessBot.Bot.Tests.Browser;

/// <summary>
/// A test that needs headless Chromium. Where Chromium is missing it is skipped and says why, except on CI
/// (CI=true), where browser tests must run: there a missing Chromium fails the test instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.Path) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Chromium is not installed at {Chromium.Path}. ./test.sh installs it with apt-get when it may install packages; or install it yourself: apt-get install chromium fonts-noto-color-emoji fonts-liberation";
        }
    }
}

public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
}
