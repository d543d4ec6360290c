using Azure.Data.Tables;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Listening;
using KindnessBot.Core.People;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Blockers;
using KindnessBot.Core.Tests.Delivery;
using KindnessBot.Core.Tests.Roles;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Listening;

/// <summary>Listening pulses against Azurite: concurrent answers lose nothing, and the five-person rule holds at four and five.</summary>
public sealed class PulseServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(PulseService Pulses, FakeTimeProvider Time, ListeningStorage Storage)> NewAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var delivery = await DeliveryWorld.NewAsync(time: time);
        var storage = new ListeningStorage(delivery.Account);
        await delivery.Account.CreateAsync(ListeningStorage.Declared, None);
        return (new PulseService(storage, delivery.Keys, new FixedAuthorisation(BlockerWorld.Leader.TeamsId), delivery.Path, time), time, storage);
    }

    [Fact]
    public async Task Forty_people_answering_at_once_are_all_counted_and_an_answer_given_again_replaces_the_first()
    {
        var (pulses, _, storage) = await NewAsync();
        var (_, pulse) = await pulses.AskAsync(BlockerWorld.Scope(), BlockerWorld.Leader, "What helps?", 7, None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(i), pulse!.Id, $"Answer {i}", named: false, None)));
        var (again, _) = await pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(3), pulse!.Id, "A better answer", named: false, None);

        Assert.Equal(PulseOutcome.Updated, again);
        Assert.Equal(40, (await pulses.FindAsync(BlockerWorld.Tenant, BlockerWorld.Team, pulse.Id, None))!.AnswerCount);
        var texts = (await storage.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"answer"}")).ToListAsync()).Select(r => r.GetString("Text")).ToList();
        Assert.Equal(40, texts.Count);
        Assert.Contains("A better answer", texts);
        Assert.DoesNotContain("Answer 3", texts);
    }

    [Theory]
    [InlineData(4, PulseOutcome.TooFew)]
    [InlineData(5, PulseOutcome.Done)]
    public async Task Answers_are_withheld_at_four_and_shown_at_five_only_once_the_pulse_has_closed(int answers, PulseOutcome expected)
    {
        var (pulses, time, _) = await NewAsync();
        var (_, pulse) = await pulses.AskAsync(BlockerWorld.Scope(), BlockerWorld.Leader, "What helps?", 3, None);
        for (var i = 0; i < answers; i++)
        {
            await pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(i), pulse!.Id, $"Answer {i}", named: i == 0, None);
        }

        var (open, _, none) = await pulses.ResultsAsync(BlockerWorld.Scope(), BlockerWorld.Leader, pulse!.Id, None);
        var (notLeader, _, _) = await pulses.ResultsAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), pulse.Id, None);
        time.Advance(TimeSpan.FromDays(5)); // past its closing
        var (late, _) = await pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(9), pulse.Id, "Too late", named: false, None);
        var (outcome, _, shown) = await pulses.ResultsAsync(BlockerWorld.Scope(), BlockerWorld.Leader, pulse.Id, None);

        Assert.Equal(PulseOutcome.StillOpen, open);
        Assert.Empty(none);
        Assert.Equal(PulseOutcome.NotALeader, notLeader);
        Assert.Equal(PulseOutcome.Closed, late);
        Assert.Equal(expected, outcome);
        Assert.Equal(expected == PulseOutcome.Done ? answers : 0, shown.Count);
        Assert.All(shown, a => Assert.Equal(a.Named, a.Name is not null));
        Assert.All(shown.Where(a => a.Named), a => Assert.Equal("Member 0", a.Name));
    }

    [Fact]
    public async Task Retention_removes_old_pulses_with_their_answers_and_old_suggestions_and_keeps_the_statement()
    {
        var (pulses, time, storage) = await NewAsync();
        var statements = new KindnessStatements(storage, (await DeliveryWorld.NewAsync()).Keys, new FixedAuthorisation(BlockerWorld.Leader.TeamsId), time);
        var (_, old) = await pulses.AskAsync(BlockerWorld.Scope(), BlockerWorld.Leader, "Old question?", 3, None);
        await pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), old!.Id, "Old answer", named: true, None);
        await statements.WriteAsync(BlockerWorld.Scope(), BlockerWorld.Leader, "We listen.", None);
        await statements.SuggestAsync(BlockerWorld.Scope(), "Old idea", None);
        time.Advance(TimeSpan.FromDays(400));
        var (_, recent) = await pulses.AskAsync(BlockerWorld.Scope(), BlockerWorld.Leader, "New question?", 3, None);
        await pulses.AnswerAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), recent!.Id, "New answer", named: false, None);

        var removed = await new ListeningRetention(storage, pulses).SweepAsync(new KindnessBot.Core.Retention.RetentionCutoff(time.GetUtcNow().AddDays(-365), time.GetUtcNow().AddYears(-6)), 100, None);

        var rows = await storage.Table.QueryAsync<TableEntity>().ToListAsync();
        var texts = rows.Select(r => r.GetString("Text") ?? r.GetString("Question")).ToList();
        Assert.DoesNotContain(rows, r => r.PartitionKey.Contains("|n|", StringComparison.Ordinal)); // the named answer's list row
        Assert.Equal(2, removed); // the old pulse (its answer and named-answer list row go with it) and the old suggestion
        Assert.Contains("New question?", texts);
        Assert.Contains("New answer", texts);
        Assert.Contains("We listen.", texts);
        Assert.DoesNotContain("Old question?", texts);
        Assert.DoesNotContain("Old answer", texts);
        Assert.DoesNotContain("Old idea", texts);
    }
}
