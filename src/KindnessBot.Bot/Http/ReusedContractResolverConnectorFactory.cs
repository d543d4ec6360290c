using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest.Serialization;

namespace KindnessBot.Bot.Http;

public sealed class ReusedContractResolverConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    // The same resolver types ConnectorClient creates for itself; they cache contracts and are thread-safe.
    private static readonly ReadOnlyJsonContractResolver SerializationResolver = new();
    private static readonly ReadOnlyJsonContractResolver DeserializationResolver = new();

    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
        if (client is ConnectorClient connector)
        {
            connector.SerializationSettings.ContractResolver = SerializationResolver;
            connector.DeserializationSettings.ContractResolver = DeserializationResolver;
        }

        return client;
    }
}
