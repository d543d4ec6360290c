using KindnessBot.Testing;

namespace KindnessBot.Ship.Tests.Support;

/// <summary>Runs the package command and tools with the machine's own package settings cleared, so they never leak in.</summary>
internal static class Run
{
    private static readonly string[] PackageVariables =
    [
        "KINDNESSBOT_APP_ID", "KINDNESSBOT_BOT_ID", "KINDNESSBOT_DOMAIN", "KINDNESSBOT_SSO_APP_ID", "KINDNESSBOT_APP_VERSION",
        "KINDNESSBOT_DEVELOPER_NAME", "KINDNESSBOT_WEBSITE_URL", "KINDNESSBOT_PRIVACY_URL", "KINDNESSBOT_TERMS_URL",
        "KINDNESSBOT_DEPLOYMENT_OUTPUTS",
    ];

    public static Task<CommandResult> NodeAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        CommandAsync("node", [script, .. arguments], environment);

    public static Task<CommandResult> CommandAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = PackageVariables.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return ExternalCommand.RunAsync(file, arguments, variables);
    }
}
