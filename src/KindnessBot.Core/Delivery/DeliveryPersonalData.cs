using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// What the delivery path holds about a person: the messages addressed to them (ids of what they are about, no text:
/// cards are made when sent) with their day rows, and their settings. Erasing removes all of it, including messages
/// still waiting: a person who asks to be forgotten is not contacted afterwards.
/// </summary>
public sealed class DeliveryPersonalData(DeliveryStorage storage, NudgeSettingsStore settings) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var messages = await storage.Outbox.RowsAsync(Filter(tenantId, person), cancellationToken);
        var mine = await storage.Settings.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)} and RowKey eq {TableKey.Encode(person.TeamsId)}"), cancellationToken);
        return [PersonalRows.Section("messagesToYou", messages), PersonalRows.Section("yourSettings", mine)];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var removed = await PersonalRows.DeleteAllAsync(storage.Outbox, Filter(tenantId, person), cancellationToken);
        removed += await settings.EraseAsync(tenantId, person.TeamsId, cancellationToken);
        return new ErasureCount("deliveries", removed, 0);
    }

    private static string Filter(string tenantId, Person person) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {OutboxStore.Partition(tenantId, RecipientKind.Person, person.TeamsId)}");
}
