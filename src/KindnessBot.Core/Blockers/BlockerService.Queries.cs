using Azure.Data.Tables;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Blockers;

/// <summary>The read side: lookups by id and the lists, each a point read or one partition's key range.</summary>
public sealed partial class BlockerService
{
    /// <summary>A blocker of the scope's team, or null (another team's or tenant's, or no such id).</summary>
    public async Task<Blocker?> FindAsync(ConversationRecord scope, string blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await store.FindAsync(scope.TenantId, blockerId, cancellationToken) is { } found && found.TeamId == scope.ScopeId ? found : null;
    }

    public Task<BlockerPage> TriageAsync(ConversationRecord scope, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return store.TriageAsync(scope.TenantId, scope.ScopeId, pageSize, continuation, cancellationToken);
    }

    /// <summary>The team's open blockers and those closed in the last 30 days, at most <paramref name="max"/> of each.</summary>
    public Task<TeamBlockers> TeamAsync(ConversationRecord scope, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return store.TeamAsync(scope.TenantId, scope.ScopeId, time.GetUtcNow() - TimeSpan.FromDays(30), max, cancellationToken);
    }

    /// <summary>A person's own reports, named and anonymous, newest first: found through their keyed tag and sealed ids only.</summary>
    public async Task<IReadOnlyList<OwnReport>> MyReportsAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var reports = new List<OwnReport>();
        foreach (var row in await store.PersonListAsync(tenantId, ReportsTag(tenantId, person.TeamsId), cancellationToken))
        {
            if (OpenListed(tenantId, row) is { } id && await store.FindAsync(tenantId, id, cancellationToken) is { } b)
            {
                reports.Add(new OwnReport(b.Id, b.What, b.Status, b.Anonymous, b.Outcome, b.CreatedAt));
            }
        }

        return [.. reports.OrderBy(r => r.BlockerId, StringComparer.Ordinal)];
    }

    internal string ReportsTag(string tenantId, string userId) => keys.Tags.For(tenantId, BlockerKeys.ReportsPurpose, "", userId);

    internal string? OpenListed(string tenantId, TableEntity listRow) => keys.Sealer.Open(tenantId, BlockerKeys.ReportsPurpose, listRow.GetString("Blocker") ?? "");

    internal TableEntity AffectsRow(string tenantId, string blockerId, string userId) =>
        new(BlockerKeys.AffectsPartition(tenantId, blockerId), keys.Tags.For(tenantId, BlockerKeys.AffectsPurpose, blockerId, userId))
        {
            ["Person"] = keys.Sealer.Seal(tenantId, BlockerKeys.AffectsPurpose, userId),
        };
}
