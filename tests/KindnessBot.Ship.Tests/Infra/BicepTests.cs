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
    public void Identity_may_use_tables_and_queues_of_the_storage_account_and_read_secrets_of_the_vault_only()
    {
        var assignments = Resources("Microsoft.Authorization/roleAssignments").ToList();

        var roles = assignments.Select(a => RoleId((string)a["properties"]!["roleDefinitionId"]!)).Order(StringComparer.Ordinal);

        // Storage Table Data Contributor, Key Vault Secrets User, Storage Queue Data Contributor: all for the bot's identity.
        Assert.Equal([StorageTableDataContributor, KeyVaultSecretsUser, StorageQueueDataContributor], roles);
        Assert.All(assignments, a => Assert.Equal(IdentityPrincipalId(), (string?)a["properties"]!["principalId"]));
        // Each on the one resource it is for, never the resource group or the subscription.
        Assert.All(
            assignments.Where(a => RoleId((string)a["properties"]!["roleDefinitionId"]!) != KeyVaultSecretsUser),
            a => Assert.Equal(ResourceIdOf("Microsoft.Storage/storageAccounts"), (string?)a["scope"]));
        Assert.Equal(ResourceIdOf("Microsoft.KeyVault/vaults"), (string?)SecretsAccess()["scope"]);
    }

    [Fact]
    public void Secrets_live_in_a_key_vault_the_app_reads_through_its_managed_identity()
    {
        var vault = Resource("Microsoft.KeyVault/vaults")["properties"]!;
        var secrets = Resources("Microsoft.KeyVault/vaults/secrets").ToList();
        var site = Resource("Microsoft.Web/sites");
        var slot = Resource("Microsoft.Web/sites/slots");
        var identityId = ResourceIdOf("Microsoft.ManagedIdentity/userAssignedIdentities");

        // Access by Azure role only, and a deleted secret (or vault) stays recoverable and cannot be purged early.
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
        Assert.Equal((string?)Resource("Microsoft.Storage/storageAccounts")["properties"]!["publicNetworkAccess"], (string?)vault["publicNetworkAccess"]);
        // Both secrets, each written from its secure parameter.
        Assert.Equal(
            ["[parameters('appraisalLinkSigningKey')]", "[parameters('reflectionAnswerSecret')]"],
            secrets.Select(s => (string)s["properties"]!["value"]!).Order(StringComparer.Ordinal));
        Assert.All(["appraisalLinkSigningKey", "reflectionAnswerSecret"], p => Assert.Equal("securestring", (string?)_template["parameters"]![p]!["type"]));
        // The identity may read them; the app (and its staging slot) resolves its Key Vault references as that identity,
        // and starts only once the identity has the role.
        Assert.Equal(IdentityPrincipalId(), (string?)SecretsAccess()["properties"]!["principalId"]);
        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Equal(identityId, (string?)slot["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Contains(
            Resolve(site["identity"])!["userAssignedIdentities"]!.AsObject().Select(i => i.Key),
            key => key == identityId || key == $"[format('{{0}}', {Bare(identityId)})]");
        Assert.Contains(SymbolOf(SecretsAccess()), site["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void No_app_setting_holds_a_secret_value()
    {
        var settings = SiteConfig()["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);
        var secureParameters = _template["parameters"]!.AsObject()
            .Where(p => ((string?)p.Value!["type"])?.StartsWith("secure", StringComparison.Ordinal) == true)
            .Select(p => p.Key)
            .ToList();

        // Each secret setting is a reference to the Key Vault secret written from its parameter.
        Assert.Equal("[parameters('reflectionAnswerSecret')]", (string?)ReferencedSecret(settings["Reflection__AnswerSecret"])["properties"]!["value"]);
        Assert.Equal("[parameters('appraisalLinkSigningKey')]", (string?)ReferencedSecret(settings["Appraisal__LinkSigningKey"])["properties"]!["value"]);
        // No setting takes its value from a secure parameter, directly or through a variable; every secure parameter
        // goes to the vault instead.
        Assert.All(settings, s => Assert.All(secureParameters, p => Assert.DoesNotContain($"parameters('{p}')", WithVariables(s.Value), StringComparison.Ordinal)));
        Assert.All(secureParameters, p => Assert.Contains($"[parameters('{p}')]", Resources("Microsoft.KeyVault/vaults/secrets").Select(s => (string?)s["properties"]!["value"])));
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

    // Built-in roles: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

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

    /// <summary>The resource's symbolic name: its key in the compiled template's resources.</summary>
    private string SymbolOf(JsonNode resource) => _template["resources"]!.AsObject().Single(r => ReferenceEquals(r.Value, resource)).Key;

    /// <summary>The ARM expression of the one resource of that type's id, as the template writes it: [resourceId('type', name)].</summary>
    private string ResourceIdOf(string type) => $"[resourceId('{type}', {Bare((string)Resource(type)["name"]!)})]";

    /// <summary>The bot's identity's principal id, as a role assignment names it.</summary>
    private string IdentityPrincipalId() => $"[reference('{SymbolOf(Resource("Microsoft.ManagedIdentity/userAssignedIdentities"))}').principalId]";

    private JsonNode SecretsAccess() =>
        Assert.Single(Resources("Microsoft.Authorization/roleAssignments"), a => RoleId((string)a["properties"]!["roleDefinitionId"]!) == KeyVaultSecretsUser);

    /// <summary>The Key Vault secret an app setting refers to with @Microsoft.KeyVault(SecretUri=…), taken from the secret's own resource.</summary>
    private JsonNode ReferencedSecret(string settingValue)
    {
        var match = Regex.Match(settingValue, @"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)', reference\('([^']+)'\)\.secretUri(WithVersion)?\)\]$");
        Assert.True(match.Success, $"not a Key Vault reference to a secret of the template: {settingValue}");
        var secret = _template["resources"]![match.Groups[1].Value]!;
        Assert.Equal("Microsoft.KeyVault/vaults/secrets", (string?)secret["type"]);
        return secret;
    }

    /// <summary>The expression followed by the definitions of the variables it uses (and theirs), to search all of it.</summary>
    private string WithVariables(string expression, int depth = 0)
    {
        Assert.True(depth < 10, $"variables nest too deep: {expression}");
        var used = Regex.Matches(expression, @"variables\('(\w+)'\)").Select(m => m.Groups[1].Value).Distinct();
        return string.Join("\n", used.Select(v => WithVariables(_template["variables"]![v]!.ToJsonString(), depth + 1)).Prepend(expression));
    }

    /// <summary>An ARM expression without its brackets, to put inside another one.</summary>
    private static string Bare(string expression) =>
        expression.StartsWith('[') && expression.EndsWith(']') ? expression[1..^1] : $"'{expression}'";

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
