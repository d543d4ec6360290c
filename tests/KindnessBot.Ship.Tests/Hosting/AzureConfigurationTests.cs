using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using KindnessBot.Bot.Extensions;
using KindnessBot.Ship.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KindnessBot.Ship.Tests.Hosting;

/// <summary>
/// The host configured as infra/main.bicep configures it in Azure: no keys or secrets, a user-assigned managed
/// identity for storage and for Bot Framework. Tokens are asked of a fake App Service identity endpoint on loopback,
/// so the tests see which identity the host asks for without reaching Azure.
/// </summary>
[Collection(FakeManagedIdentityEndpoint.Collection)]
public sealed class AzureConfigurationTests(FakeManagedIdentityEndpoint identityEndpoint)
{
    private const string ClientId = "3c1e6a52-8f0d-4b7e-9a61-2d4c5b6a7e81";
    private const string TenantId = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static readonly Uri TableEndpoint = new("https://acct.table.core.windows.net");

    private static Dictionary<string, string?> AzureSettings() => new()
    {
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppId"] = ClientId,
        ["MicrosoftAppTenantId"] = TenantId,
        ["Storage:TableEndpoint"] = TableEndpoint.ToString(),
        ["Storage:QueueEndpoint"] = "https://acct.queue.core.windows.net",
        ["Storage:ManagedIdentityClientId"] = ClientId,
        ["Storage:ConnectionString"] = null,
    };

    /// <summary>The host's services as Program.cs registers them; hosted services are never started (no network here).</summary>
    private static ServiceProvider BuildAzureHost()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(AzureSettings());
        builder.AddKindnessStorage();
        builder.AddTeamsBot();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Azure_configuration_passes_the_hosts_own_validation()
    {
        using var services = BuildAzureHost();

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var bot = services.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;

        Assert.False(storage.UsesConnectionString);
        Assert.Equal(ClientId, storage.ManagedIdentityClientId);
        Assert.Equal(BotCredentialsOptions.UserAssignedMsi, bot.MicrosoftAppType);
    }

    [Fact]
    public async Task Storage_is_reached_as_the_user_assigned_identity()
    {
        using var services = BuildAzureHost();

        var credential = services.GetRequiredService<TokenCredential>();
        var tables = services.GetRequiredService<TableServiceClient>();

        Assert.IsType<DefaultAzureCredential>(credential);
        Assert.Equal(TableEndpoint, tables.Uri);
        Assert.Equal("acct", tables.AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().Uri);
        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://storage.azure.com/.default"]), CancellationToken.None);
        Assert.Equal(FakeManagedIdentityEndpoint.Token, token.Token);
        var request = Assert.Single(identityEndpoint.Requests, r => r.Resource == "https://storage.azure.com");
        Assert.Equal(ClientId, request.ClientId);
    }

    [Fact]
    public void Bot_framework_authentication_builds_from_the_azure_configuration()
    {
        using var services = BuildAzureHost();

        var authentication = services.GetRequiredService<BotFrameworkAuthentication>();

        Assert.NotNull(authentication);
    }

    [Fact]
    public async Task Bot_framework_tokens_are_asked_for_as_the_user_assigned_identity()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AzureSettings()).Build();
        var factory = new ConfigurationServiceClientCredentialFactory(configuration);

        var credentials = await factory.CreateCredentialsAsync(
            ClientId, AuthenticationConstants.ToChannelFromBotOAuthScope, AuthenticationConstants.ToChannelFromBotLoginUrlTemplate, validateAuthority: true, CancellationToken.None);

        var managed = Assert.IsType<ManagedIdentityAppCredentials>(credentials);
        Assert.Equal(ClientId, managed.MicrosoftAppId);
        var token = await managed.GetTokenAsync();
        Assert.Equal(FakeManagedIdentityEndpoint.Token, token);
        var request = Assert.Single(identityEndpoint.Requests, r => r.Resource == AuthenticationConstants.ToChannelFromBotOAuthScope);
        Assert.Equal(ClientId, request.ClientId);
    }
}
