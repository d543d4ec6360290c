using KindnessBot.Testing;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Manifest;

/// <summary>manifest/package.js: builds the Teams app package for one deployment, or refuses and says why.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private const string AppId = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string BotId = "0a1b2c3d-1111-4222-8333-444455556666";
    private const string Domain = "kindnessbot-abc123.azurewebsites.net";

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> SampleIds() => new()
    {
        ["KINDNESSBOT_APP_ID"] = AppId,
        ["KINDNESSBOT_BOT_ID"] = BotId,
        ["KINDNESSBOT_DOMAIN"] = Domain,
    };

    private Task<CommandResult> PackageAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run.NodeAsync(Repo.PackageScript, ["--out", _temp["appPackage.zip"], .. arguments], environment);

    [Fact]
    public async Task Package_command_builds_a_valid_package_from_sample_ids()
    {
        var run = await PackageAsync(SampleIds());

        Assert.True(run.ExitCode == 0, run.ToString());
        using var package = ZipFile.OpenRead(_temp["appPackage.zip"]);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Select(e => e.FullName).Order());

        var manifestPath = _temp["manifest.json"];
        package.GetEntry("manifest.json")!.ExtractToFile(manifestPath);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Contains(Domain, manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"api://{Domain}/{BotId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);

        var validation = await Run.NodeAsync(Repo.TestScript("validate-manifest.js"), [Repo.Root, manifestPath]);
        Assert.True(validation.ExitCode == 0, validation.ToString());
        Assert.Equal("[]", validation.Output.Trim());
    }

    [Fact]
    public async Task Packaging_twice_from_the_same_ids_gives_identical_bytes()
    {
        // The second build runs in another time zone too: zip dates are local times, so a careless one would differ.
        var first = await PackageAsync(SampleIds());
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstBytes = File.ReadAllBytes(_temp["appPackage.zip"]);
        File.Delete(_temp["appPackage.zip"]);

        var elsewhere = SampleIds();
        elsewhere["TZ"] = "Pacific/Kiritimati";
        var second = await PackageAsync(elsewhere);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(firstBytes, File.ReadAllBytes(_temp["appPackage.zip"]));
    }

    [Fact]
    public async Task Package_command_takes_ids_from_the_deployment_outputs()
    {
        // The shape 'az deployment group create --query properties.outputs' prints.
        var outputs = new JsonObject
        {
            ["teamsAppId"] = new JsonObject { ["type"] = "String", ["value"] = AppId },
            ["botId"] = new JsonObject { ["type"] = "String", ["value"] = BotId },
            ["domain"] = new JsonObject { ["type"] = "String", ["value"] = Domain },
        };
        File.WriteAllText(_temp["outputs.json"], outputs.ToJsonString());

        var run = await PackageAsync(new Dictionary<string, string>(), "--outputs", _temp["outputs.json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var package = ZipFile.OpenRead(_temp["appPackage.zip"]);
        using var manifest = JsonDocument.Parse(package.GetEntry("manifest.json")!.Open());
        Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(BotId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
    }

    [Theory]
    [InlineData("KINDNESSBOT_APP_ID", "not-a-guid")]
    [InlineData("KINDNESSBOT_APP_ID", "00000000-0000-0000-0000-000000000000")]
    [InlineData("KINDNESSBOT_BOT_ID", "0a1b2c3d11114222833344445555666")]
    [InlineData("KINDNESSBOT_BOT_ID", "{0a1b2c3d-1111-4222-8333-444455556666}")]
    [InlineData("KINDNESSBOT_DOMAIN", "https://kindnessbot-abc123.azurewebsites.net/")]
    [InlineData("KINDNESSBOT_DOMAIN", "kindnessbot-abc123.azurewebsites.net:443")]
    [InlineData("KINDNESSBOT_DOMAIN", "localhost")]
    [InlineData("KINDNESSBOT_APP_VERSION", "1.0")]
    public async Task Package_command_refuses_a_value_Teams_would_reject(string variable, string value)
    {
        var environment = SampleIds();
        environment[variable] = value;

        var run = await PackageAsync(environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(variable, run.Errors, StringComparison.Ordinal);
        Assert.Contains(value, run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["appPackage.zip"]));
    }

    [Theory]
    [InlineData("KINDNESSBOT_APP_ID")]
    [InlineData("KINDNESSBOT_BOT_ID")]
    [InlineData("KINDNESSBOT_DOMAIN")]
    public async Task Package_command_refuses_when_a_required_value_is_missing(string variable)
    {
        var environment = SampleIds();
        environment.Remove(variable);

        var run = await PackageAsync(environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{variable} is missing", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["appPackage.zip"]));
    }

    [Fact]
    public async Task Package_command_refuses_a_manifest_that_breaks_the_schema()
    {
        var dir = _temp.CopyOfManifestDir();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        manifest["description"]!["short"] = new string('k', 81);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());

        var run = await PackageAsync(SampleIds(), "--manifest-dir", dir);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("/description/short", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["appPackage.zip"]));
    }

    [Fact]
    public async Task Package_command_refuses_icons_of_the_wrong_size_or_colour()
    {
        // Each icon where the other should be: the outline is then 192×192 and coral, the colour icon 32×32.
        var dir = _temp.CopyOfManifestDir();
        File.Copy(Path.Combine(Repo.ManifestDir, "color.png"), Path.Combine(dir, "outline.png"), overwrite: true);
        File.Copy(Path.Combine(Repo.ManifestDir, "outline.png"), Path.Combine(dir, "color.png"), overwrite: true);

        var run = await PackageAsync(SampleIds(), "--manifest-dir", dir);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("color.png must be 192×192 pixels; it is 32×32", run.Errors, StringComparison.Ordinal);
        Assert.Contains("outline.png must be 32×32 pixels", run.Errors, StringComparison.Ordinal);
        Assert.Contains("outline.png must be white on transparent", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["appPackage.zip"]));
    }

    [Fact]
    public async Task Package_command_packages_and_checks_each_additional_language()
    {
        var dir = _temp.CopyOfManifestDir();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        manifest["localizationInfo"]!["additionalLanguages"] = new JsonArray(new JsonObject { ["languageTag"] = "cy", ["file"] = "cy.json" });
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
        var welsh = new JsonObject
        {
            ["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json",
            ["name.short"] = "KindnessBot",
            ["description.short"] = "Rhoi caredigrwydd wrth galon gwaith bob dydd",
            ["description.full"] = "Mae KindnessBot yn eich helpu chi a'ch cydweithwyr i roi caredigrwydd wrth galon gwaith bob dydd.",
            ["bots[0].commandLists[0].commands[0].description"] = "Dangos beth all KindnessBot ei wneud",
        };
        File.WriteAllText(Path.Combine(dir, "cy.json"), welsh.ToJsonString());

        var run = await PackageAsync(SampleIds(), "--manifest-dir", dir);

        Assert.True(run.ExitCode == 0, run.ToString());
        using (var package = ZipFile.OpenRead(_temp["appPackage.zip"]))
        {
            Assert.NotNull(package.GetEntry("cy.json"));
        }

        // A key the localisation schema does not know is refused.
        welsh["description.medium"] = "Dim";
        File.WriteAllText(Path.Combine(dir, "cy.json"), welsh.ToJsonString());
        File.Delete(_temp["appPackage.zip"]);

        var refused = await PackageAsync(SampleIds(), "--manifest-dir", dir);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("cy.json does not match the localisation schema", refused.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["appPackage.zip"]));
    }
}
