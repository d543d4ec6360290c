using System.Diagnostics;

namespace KindnessBot.Testing;

public sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>Runs a program to completion, with a time limit, from the repository root, and captures what it prints.</summary>
public static class ExternalCommand
{
    public static Task<CommandResult> NodeAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        RunAsync("node", [script, .. arguments], environment, timeout);

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {limit}.");
        }

        return new CommandResult(process.ExitCode, await output, await errors);
    }
}
