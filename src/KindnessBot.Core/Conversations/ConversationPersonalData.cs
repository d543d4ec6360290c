using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Conversations;

/// <summary>
/// The conversations that name a person: their personal chat with the bot (both copies) and the chats and teams they
/// added the bot to. None of it is erased: the personal chat is how the bot answers them (it holds ids, an address and
/// when they were last seen, nothing anyone wrote), and who installed the bot in a team decides who leads there.
/// Removing the bot from their chat marks it removed, and retention deletes it after the period.
/// </summary>
public sealed class ConversationPersonalData(StorageAccount account) : IPersonalDataSource
{
    private readonly TableClient _table = account.Table(ConversationStorage.TableName);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var partition = TableConversationStore.PartitionKey(tenantId);
        var rows = await _table.RowsAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (UserId eq {person.TeamsId} or InstalledBy eq {person.TeamsId})"),
            cancellationToken);
        return [PersonalRows.Section("conversations", rows)];
    }

    public Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken) =>
        Task.FromResult(new ErasureCount("conversations", 0, 0));
}
