using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// A person's blockers, found only through their own list (their keyed tag, the ids sealed), never by a scan. "My data"
/// shows their named reports. Erasing makes their named reports reporter-less, drops the sealed address from their
/// anonymous ones (they hear no more about them) and removes their list and their own affects rows; the blockers stay,
/// for the team. "Affects me too" on others' blockers holds only a tag and a sealed id: nothing shows them, and
/// retention removes them with their blocker.
/// </summary>
public sealed class BlockerPersonalData(BlockerStore store, BlockerService service) : IPersonalDataSource
{
    private const int Attempts = 3;

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var named = new List<Azure.Data.Tables.TableEntity>();
        foreach (var row in await store.PersonListAsync(tenantId, service.ReportsTag(tenantId, person.TeamsId), cancellationToken))
        {
            if (service.OpenListed(tenantId, row) is { } id && await store.FindAsync(tenantId, id, cancellationToken) is { Anonymous: false } b && b.ReporterId == person.TeamsId)
            {
                named.Add(BlockerRows.Row(b));
            }
        }

        return [PersonalRows.Section("blockersReportedNamed", named)];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (erased, anonymised) = (0, 0);
        foreach (var row in await store.PersonListAsync(tenantId, service.ReportsTag(tenantId, person.TeamsId), cancellationToken))
        {
            if (service.OpenListed(tenantId, row) is { } id)
            {
                anonymised += await TakeOutAsync(tenantId, id, person.TeamsId, cancellationToken) ? 1 : 0;
                var own = service.AffectsRow(tenantId, id, person.TeamsId);
                await store.DeleteIfThereAsync(own.PartitionKey, own.RowKey, cancellationToken);
            }

            await store.DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
            erased++;
        }

        return new ErasureCount("blockers", erased, anonymised);
    }

    private async Task<bool> TakeOutAsync(string tenantId, string id, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.FindAsync(tenantId, id, cancellationToken) is not { } b || (b.ReporterId != userId && b.SealedAddress is null))
            {
                return false;
            }

            if (await store.TryReplaceAsync(b, b with { ReporterId = null, ReporterName = null, SealedAddress = null }, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
