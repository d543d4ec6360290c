using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Http;

/// <summary>
/// The SDK builds a new ConnectorClient for every turn, and each one brings fresh Newtonsoft contract resolvers,
/// so every reply rebuilds its serialisation contracts by reflection (about 15 ms of CPU a reply; see
/// shared/BUILDING.md §1). This wrapper gives every connector client the same two long-lived resolvers.
/// Everything else is delegated unchanged.
/// </summary>
public sealed class ReusedContractResolverAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        WrapAsync(inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        WrapAsync(inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusedContractResolverConnectorFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static async Task<AuthenticateRequestResult> WrapAsync(Task<AuthenticateRequestResult> authenticating)
    {
        var result = await authenticating;
        result.ConnectorFactory = new ReusedContractResolverConnectorFactory(result.ConnectorFactory);
        return result;
    }
}
