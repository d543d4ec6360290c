using Azure.Data.Tables;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>A decision card submitted again (a double click, a Teams retry) records one decision and counts one use.</summary>
public class DecisionOncePerCardTests : PermissionWorld
{
    [Fact]
    public async Task The_same_decision_card_submitted_twice_records_one_decision_counts_one_use_and_shares_one_story()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        var card = NewCardId();

        var first = await DecideAsync(service, Alex, statement!.Key, card, share: true);
        Time.Advance(TimeSpan.FromSeconds(2));
        var second = await DecideAsync(service, Alex, statement.Key, card, share: true);

        Assert.Equal((false, true), (first.Duplicate, second.Duplicate));
        Assert.Null(second.Refusal);
        Assert.Equal(first.Decision!.Key, second.Decision!.Key);
        Assert.Single(await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel));
        Assert.Equal(1, (await Store.FindAsync(Tenant, Team.ScopeId, statement.Key, Cancel))!.UsedCount);
        Assert.Single(await RecordedAsync(PermissionDelivery.Story));
    }

    [Fact]
    public async Task Ten_concurrent_submits_of_one_decision_card_record_one_decision_and_count_one_use()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        var card = NewCardId();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DecideAsync(service, Alex, statement!.Key, card, share: true))).WaitAsync(Cancel);

        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.Single(outcomes.Select(o => o.Decision!.Key).Distinct());
        Assert.Single(await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel));
        Assert.Equal(1, (await Store.FindAsync(Tenant, Team.ScopeId, statement!.Key, Cancel))!.UsedCount);
        Assert.Single(await RecordedAsync(PermissionDelivery.Story));
    }

    [Fact]
    public async Task Twenty_decisions_on_one_statement_at_once_are_each_recorded_and_counted()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => DecideAsync(service, i % 2 == 0 ? Alex : Ana, statement!.Key))).WaitAsync(Cancel);

        Assert.Equal(20, (await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Count);
        Assert.Equal(20, (await Store.FindAsync(Tenant, Team.ScopeId, statement!.Key, Cancel))!.UsedCount);
    }

    [Fact]
    public async Task A_resubmitted_card_finishes_a_decision_whose_first_submit_stopped_half_way()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        var card = NewCardId();
        var first = await DecideAsync(service, Alex, statement!.Key, card);
        // As if the first submit had stopped after counting the day and before writing the team's log.
        var table = Account.Table(PermissionStorage.TableName);
        var partition = TablePermissionStore.ScopePartition(Tenant, Team.ScopeId);
        await table.DeleteEntityAsync(partition, "d|" + first.Decision!.Key, cancellationToken: Cancel);
        await Store.UpdateAsync(Tenant, Team.ScopeId, statement.Key, s => s with { UsedCount = 0 }, Cancel);

        var again = await DecideAsync(service, Alex, statement.Key, card);

        Assert.True(again.Duplicate);
        Assert.Equal(first.Decision.Key, Assert.Single(await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Key);
        Assert.Equal(1, (await Store.FindAsync(Tenant, Team.ScopeId, statement.Key, Cancel))!.UsedCount);
        Assert.Equal(1, await CountRowsAsync(table, TablePermissionStore.PersonPartition(Tenant, Alex.TeamsId), "day|"));
    }

    [Fact]
    public async Task A_different_card_with_the_same_words_is_a_second_decision()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        await DecideAsync(service, Alex, statement!.Key);
        await DecideAsync(service, Alex, statement.Key);

        Assert.Equal(2, (await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Count);
        Assert.Equal(2, (await Store.FindAsync(Tenant, Team.ScopeId, statement.Key, Cancel))!.UsedCount);
    }

    private async Task<int> CountRowsAsync(TableClient table, string partition, string prefix)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableKey.RowsStartingWith(partition, prefix), cancellationToken: Cancel))
        {
            count++;
        }

        return count;
    }
}
