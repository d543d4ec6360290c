using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>
/// A daily allowance counter goes once its day is older than the period (it is reused every day a person acts, so only
/// people who stopped using the bot are affected). Memberships are not swept: they are forgotten when the bot is removed
/// from the team, and follow the roster while it is there.
/// </summary>
public static class PeopleRetention
{
    public static IRetentionSweep Allowances(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TableRetention(account.Table(PeopleStorage.AllowancesTable), PeopleStorage.AllowancesTable, c =>
            [TableClient.CreateQueryFilter($"Day lt {TableDailyAllowance.DayOf(c.Before)}")]);
    }
}
