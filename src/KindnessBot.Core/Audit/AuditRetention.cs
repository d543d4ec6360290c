using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Audit;

/// <summary>Audit entries go when they are older than the audit period (longer than the rest, see <see cref="RetentionOptions.AuditPeriod"/>): the only way an entry is ever removed.</summary>
public static class AuditRetention
{
    public static IRetentionSweep Sweep(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TableRetention(account.Table(AuditStorage.TableName), AuditStorage.TableName, c => [TableRetention.DatedBefore("At", c.AuditBefore)]);
    }
}
