using System.Text.Json.Nodes;
using KindnessBot.Bot.Extensions;
using KindnessBot.Bot.Routing;
using KindnessBot.Ship.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KindnessBot.Ship.Tests.Manifest;

/// <summary>The command menu Teams shows (manifest.json) against the commands the bot really answers.</summary>
public sealed class ManifestCommandTests
{
    private static readonly JsonNode Template = JsonNode.Parse(File.ReadAllText(Repo.ManifestTemplate))!;

    private static JsonNode Bot => Template["bots"]![0]!;

    private static IReadOnlyList<string> ManifestCommands() =>
        [.. Bot["commandLists"]!.AsArray().SelectMany(list => list!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).Distinct()];

    private static IReadOnlyList<string> BotCommands()
    {
        using var services = BotComposition.Build();
        return [.. services.GetServices<ITextCommand>().Select(c => c.Name)];
    }

    [Fact]
    public void Every_command_in_the_manifest_is_one_the_bot_answers()
    {
        var answered = BotCommands();

        Assert.NotEmpty(ManifestCommands());
        Assert.All(ManifestCommands(), command => Assert.Contains(command, answered));
    }

    /// <summary>
    /// Teams shows at most 12 commands per scope, so the menus leave out three that people reach otherwise: "delete my
    /// data" (the "my data" card leads to it), and "delivery status" and "audit" (for admins). All are on the help card,
    /// as every command is.
    /// </summary>
    private static readonly string[] OffTheMenu = ["delete my data", "delivery status", "audit", "rebuild aggregates"];

    [Fact]
    public void Every_command_the_bot_answers_is_in_the_manifest_but_the_four_left_off_the_full_menus()
    {
        var offered = ManifestCommands();

        Assert.All(BotCommands().Except(OffTheMenu), command => Assert.Contains(command, offered));
        Assert.All(OffTheMenu, command => Assert.Contains(command, BotCommands()));
        Assert.All(OffTheMenu, command => Assert.DoesNotContain(command, offered));
        Assert.All(Bot["commandLists"]!.AsArray(), list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, 12));
    }

    [Fact]
    public void The_message_extension_commands_are_exactly_the_ones_the_bot_handles()
    {
        var declared = Template["composeExtensions"]!.AsArray()
            .SelectMany(extension => extension!["commands"]!.AsArray())
            .Select(command => (string)command!["id"]!)
            .Order()
            .ToList();

        Assert.Equal(KindnessBot.Bot.Recognition.MessageExtensionHandler.CommandIds.Order(), declared);
        Assert.All(Template["composeExtensions"]!.AsArray(), extension => Assert.Equal((string?)Bot["botId"], (string?)extension!["botId"]));
    }

    [Fact]
    public void Commands_are_offered_wherever_the_bot_is()
    {
        var botScopes = Bot["scopes"]!.AsArray().Select(s => (string)s!).Order().ToList();
        var commandScopes = Bot["commandLists"]!.AsArray().SelectMany(list => list!["scopes"]!.AsArray()).Select(s => (string)s!).Distinct().Order();

        Assert.Equal(["groupChat", "personal", "team"], botScopes);
        Assert.Equal(botScopes, commandScopes);
    }

    [Fact]
    public void Manifest_uses_the_newest_schema_the_Teams_tools_bundle()
    {
        var schemas = new DirectoryInfo(Path.Combine(Repo.NodeTool("@microsoft/app-manifest"), "build", "json-schemas", "teams"));
        var newest = schemas.EnumerateDirectories("v1.*").Select(d => Version.Parse(d.Name[1..])).Max()!;

        Assert.Equal(newest.ToString(), (string?)Template["manifestVersion"]);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{newest}/MicrosoftTeams.schema.json", (string?)Template["$schema"]);
    }

    [Fact]
    public void Manifest_speaks_British_English_by_default()
    {
        Assert.Equal("en-gb", (string?)Template["localizationInfo"]!["defaultLanguageTag"]);
    }
}
