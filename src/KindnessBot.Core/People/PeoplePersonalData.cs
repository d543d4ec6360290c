using Azure.Data.Tables;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>
/// Which teams the membership index has a person in (ids only) and their daily allowance counters. The counters are
/// erased; the memberships are not: they mirror the Teams roster, which the bot reads again every day, and go when the
/// person leaves the team.
/// </summary>
public sealed class PeoplePersonalData(StorageAccount account) : IPersonalDataSource
{
    private readonly TableClient _memberships = account.Table(PeopleStorage.MembershipsTable);
    private readonly TableClient _allowances = account.Table(PeopleStorage.AllowancesTable);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var teams = await _memberships.RowsAsync(MembershipFilter(tenantId, person), cancellationToken);
        var allowances = await _allowances.RowsAsync(AllowanceFilter(tenantId, person), cancellationToken);
        return [PersonalRows.Section("teamMemberships", teams), PersonalRows.Section("dailyAllowances", allowances)];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ErasureCount("dailyAllowances", await PersonalRows.DeleteAllAsync(_allowances, AllowanceFilter(tenantId, person), cancellationToken), 0);
    }

    private static string MembershipFilter(string tenantId, Person person) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableMembershipStore.PersonPartition(tenantId, person.TeamsId)}");

    private static string AllowanceFilter(string tenantId, Person person) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableDailyAllowance.Partition(tenantId, person.TeamsId)}");
}
