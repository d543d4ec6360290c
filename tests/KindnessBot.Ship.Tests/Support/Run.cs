using System.Diagnostics;

namespace KindnessBot.Ship.Tests.Support;

internal sealed record RunResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>Runs a command to completion, with a time limit, and captures what it prints.</summary>
internal static class Run
{
    /// <summary>Environment variables the package command reads; cleared so the machine's own settings never leak in.</summary>
    private static readonly string[] PackageVariables =
    [
        "KINDNESSBOT_APP_ID", "KINDNESSBOT_BOT_ID", "KINDNESSBOT_DOMAIN", "KINDNESSBOT_SSO_APP_ID", "KINDNESSBOT_APP_VERSION",
        "KINDNESSBOT_DEVELOPER_NAME", "KINDNESSBOT_WEBSITE_URL", "KINDNESSBOT_PRIVACY_URL", "KINDNESSBOT_TERMS_URL",
        "KINDNESSBOT_DEPLOYMENT_OUTPUTS",
    ];

    public static Task<RunResult> NodeAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        CommandAsync("node", [script, .. arguments], environment);

    public static async Task<RunResult> CommandAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in PackageVariables)
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within two minutes.");
        }

        return new RunResult(process.ExitCode, await output, await errors);
    }
}
