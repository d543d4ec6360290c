using KindnessBot.Core.Conversations;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;

namespace KindnessBot.Core.Tests.Conversations;

/// <summary>Real tables in the shared Azurite, with a prefix of this test class's own.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public StorageAccount Account { get; private set; } = null!;

    public TableConversationStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        Account = azurite.Account(Azurite.NewTablePrefix());
        await Account.CreateAsync(ConversationStorage.Declared, CancellationToken.None);
        Store = new TableConversationStore(Account);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static ConversationRecord Channel(string tenant, string teamId, string channelId, string? teamName = "Care Team", string? channelName = null) => new()
    {
        TenantId = tenant,
        ConversationId = channelId,
        Kind = ConversationKind.Channel,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ChannelId = "msteams",
        BotId = "28:bot",
        TeamId = teamId,
        TeamName = teamName,
        TeamsChannelId = channelId,
        TeamsChannelName = channelName,
    };

    public static ConversationRecord Personal(string tenant, string userId) => new()
    {
        TenantId = tenant,
        ConversationId = "a:chat-" + userId,
        Kind = ConversationKind.Personal,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ChannelId = "msteams",
        BotId = "28:bot",
        UserId = userId,
    };

    public static string NewTenant() => Guid.NewGuid().ToString();
}
