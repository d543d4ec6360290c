using System.Net;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Http;

/// <summary>The host with Bot Framework credentials, and tokens signed by a stand-in for the Bot Framework token service.</summary>
public sealed class AuthenticatedBotHost() : BotHost(new()
{
    ["MicrosoftAppType"] = "SingleTenant",
    ["MicrosoftAppId"] = AppId,
    ["MicrosoftAppTenantId"] = "11111111-2222-3333-4444-555555555555", // the tenant the activities come from: a deployment serves its own
    ["MicrosoftAppPassword"] = "not-a-real-secret",
    // The public cloud's settings, spelt out (the SDK then takes them all from configuration), except where the
    // token service's signing keys are published: the stand-in's address.
    ["ToBotFromChannelOpenIdMetadataUrl"] = TokenService.MetadataUrl,
    ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIssuer.Issuer,
    ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/f0e1d2c3-b4a5-4697-8899-aabbccddeeff",
    ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
    ["OAuthUrl"] = "https://api.botframework.com",
    ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
    ["CallerId"] = "urn:botframework:azure",
})
{
    public const string AppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static FakeBotFrameworkIssuer TokenService { get; } = new();
}

public class AuthenticationTests(AuthenticatedBotHost host) : IClassFixture<AuthenticatedBotHost>
{
    private static FakeBotFrameworkIssuer TokenService => AuthenticatedBotHost.TokenService;

    private string ServiceUrl => host.Connector.ServiceUrl.ToString();

    [Fact]
    public async Task A_request_with_a_valid_Teams_token_is_processed()
    {
        var activity = host.Activities.ChannelEvent("channelCreated", "19:valid-token@thread.tacv2", "Valid");

        var response = await host.PostAsync(activity, TokenService.Token(AuthenticatedBotHost.AppId, ServiceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join('\n', host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message)));
        Assert.NotNull(await Store.FindAsync(host.Activities.TenantId, "19:valid-token@thread.tacv2", default));
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_and_is_not_processed() =>
        await AssertRefusedAsync(authorization: null);

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_malformed_token_gets_401_not_500(string authorization) =>
        await AssertRefusedAsync(authorization);

    [Fact]
    public async Task An_expired_token_gets_401() =>
        await AssertRefusedAsync("Bearer " + TokenService.Token(AuthenticatedBotHost.AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-2)));

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401() =>
        await AssertRefusedAsync("Bearer " + TokenService.Token(AuthenticatedBotHost.AppId, ServiceUrl, signWith: FakeBotFrameworkIssuer.ForgerKey()));

    [Fact]
    public async Task A_token_for_another_bot_gets_401() =>
        await AssertRefusedAsync("Bearer " + TokenService.Token(Guid.NewGuid().ToString(), ServiceUrl));

    [Fact]
    public async Task A_token_issued_for_another_service_url_gets_401() =>
        await AssertRefusedAsync("Bearer " + TokenService.Token(AuthenticatedBotHost.AppId, "https://attacker.example/"));

    [Fact]
    public async Task A_token_from_another_issuer_gets_401() =>
        await AssertRefusedAsync("Bearer " + TokenService.Token(AuthenticatedBotHost.AppId, ServiceUrl, issuer: "https://sts.example.com/"));

    private IConversationStore Store => host.Services.GetRequiredService<IConversationStore>();

    private async Task AssertRefusedAsync(string? authorization)
    {
        var channelId = "19:refused-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var activity = host.Activities.ChannelEvent("channelCreated", channelId, "Refused");
        var message = host.Activities.PersonalMessage("help", userId: "29:" + channelId);

        var responses = new[]
        {
            await host.PostRawAsync(activity.ToString(), authorization: authorization),
            await host.PostRawAsync(message.ToString(), authorization: authorization),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        foreach (var response in responses)
        {
            await MessagesEndpointTests.AssertNoExceptionTextAsync(response);
        }

        Assert.Null(await Store.FindAsync(host.Activities.TenantId, channelId, default));
        Assert.DoesNotContain(host.Connector.Sent, s => s.ReplyToId == (string?)message["id"]);
    }
}
