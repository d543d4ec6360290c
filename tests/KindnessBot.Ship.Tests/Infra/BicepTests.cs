using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KindnessBot.Bot.Extensions;
using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Infra;

/// <summary>infra/main.bicep compiles and lints clean, and deploys what the bot and the package command need.</summary>
public sealed class BicepTests : IClassFixture<BicepTests.CompiledTemplate>
{
    private readonly JsonNode _template;

    public BicepTests(CompiledTemplate compiled) => _template = compiled.Template;

    [Fact]
    public async Task Bicep_build_succeeds_without_warnings()
    {
        using var temp = new TempDir();

        var run = await Run.CommandAsync(Repo.Bicep, ["build", Repo.MainBicep, "--outfile", temp["main.json"]]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Trim().Length == 0 && run.Errors.Trim().Length == 0, run.ToString());
    }

    [Theory]
    [InlineData("infra/main.bicep")]
    [InlineData("infra/main.bicepparam")]
    public async Task Bicep_lint_finds_nothing(string file)
    {
        var run = await Run.CommandAsync(Repo.Bicep, ["lint", Path.Combine(Repo.Root, file)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Trim().Length == 0 && run.Errors.Trim().Length == 0, run.ToString());
    }

    [Fact]
    public void Deployment_outputs_everything_the_package_command_needs()
    {
        var outputs = _template["outputs"]!.AsObject();

        // manifest/lib/inputs.js reads these names.
        Assert.Contains("teamsAppId", outputs.Select(o => o.Key));
        Assert.Contains("botId", outputs.Select(o => o.Key));
        Assert.Contains("domain", outputs.Select(o => o.Key));
    }

    [Fact]
    public void Web_app_settings_are_the_ones_the_bot_reads()
    {
        var settings = SiteConfig()["appSettings"]!.AsArray().Select(s => (string)s!["name"]!).ToList();

        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "Appraisal__LinkSigningKey", "Appraisal__PublicBaseUrl", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType",
             "Reflection__AnswerSecret", "Storage__ManagedIdentityClientId", "Storage__QueueEndpoint", "Storage__TableEndpoint", "Storage__TablePrefix"],
            settings.Order(StringComparer.Ordinal));
        // Every Storage__ setting names a property of the options class that binds it, and likewise the bot's identity.
        var storageProperties = typeof(StorageOptions).GetProperties().Select(p => p.Name).ToList();
        Assert.All(settings.Where(s => s.StartsWith("Storage__", StringComparison.Ordinal)), s => Assert.Contains(s["Storage__".Length..], storageProperties));
        Assert.Contains(nameof(KindnessBot.Core.Reflection.ReflectionOptions.AnswerSecret), typeof(KindnessBot.Core.Reflection.ReflectionOptions).GetProperties().Select(p => p.Name));
        var botProperties = typeof(BotCredentialsOptions).GetProperties().Select(p => p.Name).ToList();
        Assert.All(settings.Where(s => s.StartsWith("MicrosoftApp", StringComparison.Ordinal)), s => Assert.Contains(s, botProperties));
    }

    [Fact]
    public void Web_app_runs_dotnet_10_on_linux_securely_and_always_on()
    {
        var site = Resource("Microsoft.Web/sites");
        var config = SiteConfig();

        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string?)Resolve(site["identity"])!["type"]);
    }

    [Fact]
    public void Staging_slot_runs_exactly_what_production_runs()
    {
        var slot = Resource("Microsoft.Web/sites/slots");

        Assert.True(JsonNode.DeepEquals(SiteConfig(), slot["properties"]!["siteConfig"]), "the staging slot's siteConfig differs from production's");
        Assert.Equal("[variables('withStagingSlot')]", (string?)slot["condition"]);
    }

    [Fact]
    public void Storage_account_accepts_only_identities_over_tls_1_2()
    {
        var storage = Resource("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
    }

    [Fact]
    public void Identity_may_use_tables_and_queues_of_that_storage_account_only()
    {
        var assignments = Resources("Microsoft.Authorization/roleAssignments").ToList();

        var roles = assignments.Select(a => RoleId((string)a["properties"]!["roleDefinitionId"]!)).Order(StringComparer.Ordinal);

        // Storage Table Data Contributor, Storage Queue Data Contributor.
        Assert.Equal(["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"], roles);
        Assert.All(assignments, a => Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts',", (string?)a["scope"], StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_and_queues_are_the_ones_the_bot_uses()
    {
        var parameters = _template["parameters"]!;

        var declared = BotComposition.DeclaredStorage();

        Assert.Equal(declared.Where(d => d.Kind == Core.Storage.StorageKind.Table).Select(d => d.Name).Order(StringComparer.Ordinal), parameters["tableNames"]!["defaultValue"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
        Assert.Equal(declared.Where(d => d.Kind == Core.Storage.StorageKind.Queue).Select(d => d.Name).Order(StringComparer.Ordinal), parameters["queueNames"]!["defaultValue"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Azure_bot_signs_in_as_the_managed_identity_and_talks_to_Teams()
    {
        var bot = Resource("Microsoft.BotService/botServices");
        var channel = Resource("Microsoft.BotService/botServices/channels");

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("UserAssignedMSI", (string?)bot["properties"]!["msaAppType"]);
        Assert.Contains("userAssignedIdentities", (string?)bot["properties"]!["msaAppMSIResourceId"], StringComparison.Ordinal);
        Assert.StartsWith("[format('https://{0}/api/messages', reference('web').defaultHostName)]", (string?)bot["properties"]!["endpoint"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool)channel["properties"]!["properties"]!["isEnabled"]!);
    }

    private IEnumerable<JsonNode> Resources(string type) =>
        _template["resources"]!.AsObject().Select(r => r.Value!).Where(r => (string?)r["type"] == type);

    private JsonNode Resource(string type) => Assert.Single(Resources(type));

    /// <summary>A value the template keeps in a variable ("[variables('name')]") is looked up; others are returned as they are.</summary>
    private JsonNode? Resolve(JsonNode? value) =>
        value?.GetValueKind() == System.Text.Json.JsonValueKind.String && Regex.Match((string)value!, @"^\[variables\('(\w+)'\)\]$") is { Success: true } match
            ? _template["variables"]![match.Groups[1].Value]
            : value;

    /// <summary>The role's GUID from subscriptionResourceId('Microsoft.Authorization/roleDefinitions', …).</summary>
    private string RoleId(string roleDefinitionId)
    {
        var match = Regex.Match(roleDefinitionId, @"^\[subscriptionResourceId\('Microsoft.Authorization/roleDefinitions', (.+)\)\]$");
        Assert.True(match.Success, roleDefinitionId);
        var argument = match.Groups[1].Value;
        return argument.StartsWith('\'') ? argument.Trim('\'') : (string)Resolve(JsonValue.Create($"[{argument}]"))!;
    }

    private JsonNode SiteConfig() => Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!;

    /// <summary>main.bicep compiled to an ARM template once for the class.</summary>
    public sealed class CompiledTemplate : IAsyncLifetime
    {
        public JsonNode Template { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var run = await Run.CommandAsync(Repo.Bicep, ["build", Repo.MainBicep, "--stdout"]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Template = JsonNode.Parse(run.Output)!;
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
