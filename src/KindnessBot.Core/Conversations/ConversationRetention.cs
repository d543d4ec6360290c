using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Conversations;

/// <summary>A conversation the bot was removed from goes once it has been removed for longer than the period; conversations the bot is still in stay.</summary>
public static class ConversationRetention
{
    public static IRetentionSweep Sweep(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TableRetention(account.Table(ConversationStorage.TableName), ConversationStorage.TableName, c =>
            [TableClient.CreateQueryFilter($"IsRemoved eq {true} and RemovedAt lt {c.Before.ToUniversalTime()}")]);
    }
}
