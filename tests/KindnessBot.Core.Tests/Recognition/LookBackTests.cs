using KindnessBot.Core.Storage;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;
using RecognitionRecord = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>"My kindness" and the appraisal summary: what a person received and gave, newest first.</summary>
public class LookBackTests : RecognitionWorld
{
    [Fact]
    public async Task My_kindness_lists_received_and_given_newest_first_with_counts_per_commitment()
    {
        var service = NewService();
        await service.GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, text: "first", commitments: [Commitment.Listening]), Cancel);
        Time.Advance(TimeSpan.FromDays(1));
        await service.GiveAsync(Request(Cy, Ben.TeamsId, CareTeam, text: "second", commitments: [Commitment.Listening, Commitment.Learning]), Cancel);
        Time.Advance(TimeSpan.FromMinutes(1));
        await service.GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, text: "third", commitments: [Commitment.Systemic]), Cancel);
        await service.GiveAsync(Request(Ben, Ana.TeamsId, CareTeam, text: "given by Ben"), Cancel);

        var lookBack = await service.LookBackAsync(Tenant, Ben.TeamsId, Cancel);

        Assert.Equal(["third", "second", "first"], lookBack.Received.Select(r => r.Text));
        Assert.Equal(["given by Ben"], lookBack.Given.Select(r => r.Text));
        Assert.Equal(new Dictionary<Commitment, int> { [Commitment.Listening] = 2, [Commitment.Learning] = 1, [Commitment.Systemic] = 1 }, lookBack.ReceivedByCommitment);
        Assert.Equal(["third", "first"], (await service.LookBackAsync(Tenant, Ana.TeamsId, Cancel)).Given.Select(r => r.Text));
    }

    [Fact]
    public async Task Someone_elses_kindness_or_another_tenants_is_not_in_my_look_back()
    {
        var service = NewService();
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);

        var cy = await service.LookBackAsync(Tenant, Cy.TeamsId, Cancel);
        var benElsewhere = await service.LookBackAsync("another-tenant", Ben.TeamsId, Cancel);

        Assert.Equal((0, 0, 0, 0), (cy.Received.Count, cy.Given.Count, benElsewhere.Received.Count, benElsewhere.Given.Count));
    }

    [Fact]
    public async Task Received_since_holds_exactly_what_was_given_at_or_after_that_moment()
    {
        var service = NewService();
        await service.GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, text: "a month ago"), Cancel);
        Time.Advance(TimeSpan.FromDays(20));
        var boundary = Time.GetUtcNow();
        await service.GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, text: "ten days ago"), Cancel);
        Time.Advance(TimeSpan.FromDays(10));
        await service.GiveAsync(Request(Cy, Ben.TeamsId, CareTeam, text: "today"), Cancel);

        var atBoundary = await service.ReceivedSinceAsync(Tenant, Ben.TeamsId, boundary, Cancel);
        var justAfter = await service.ReceivedSinceAsync(Tenant, Ben.TeamsId, boundary.AddTicks(1), Cancel);

        Assert.Equal(["today", "ten days ago"], atBoundary.Received.Select(r => r.Text));
        Assert.Empty(atBoundary.Given);
        Assert.Equal(["today"], justAfter.Received.Select(r => r.Text));
        Assert.Equal(3, (await service.ReceivedSinceAsync(Tenant, Ben.TeamsId, boundary.AddDays(-30), Cancel)).Received.Count);
    }

    [Fact]
    public async Task Asking_for_a_few_gives_the_newest_few_of_each_list()
    {
        var service = NewService();
        for (var i = 1; i <= 5; i++)
        {
            await service.GiveAsync(Request(Ana, Ben.TeamsId, CareRota, text: $"number {i}"), Cancel);
            await service.DecideAsync(Tenant, Ben.TeamsId, (await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 1, Cancel))[0].Key, share: true, Cancel);
            Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(["number 5", "number 4"], (await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 2, Cancel)).Select(r => r.Text));
        Assert.Equal(["number 5", "number 4", "number 3"], (await Store.GivenAsync(Tenant, Ana.TeamsId, 3, Cancel)).Select(r => r.Text));
        Assert.Equal(["number 5", "number 4", "number 3", "number 2"], (await Store.TeamAsync(Tenant, CareTeam.TeamId!, 4, Cancel)).Select(r => r.Text));
        Assert.Equal(5, (await Store.TeamAsync(Tenant, CareTeam.TeamId!, 50, Cancel)).Count);
    }

    [Fact]
    public async Task The_look_back_stops_at_its_limit_keeping_the_newest()
    {
        const int Stored = RecognitionOptions.LookBackLimit + 7;
        var start = Time.GetUtcNow();
        var givers = Enumerable.Range(0, 8).Select(g => $"29:giver-{g}").ToList();
        var all = Enumerable.Range(0, Stored).Select(i => Received(givers[i % givers.Count], start.AddMinutes(i), $"number {i}")).ToList();

        // Each giver's own submits one after another (they share a day counter); the givers side by side.
        await Task.WhenAll(givers.Select(async giver =>
        {
            foreach (var recognition in all.Where(r => r.GiverId == giver))
            {
                await Store.AddAsync(recognition, NewCardId(), Stored, Cancel);
            }
        })).WaitAsync(Cancel);

        var lookBack = await NewService().LookBackAsync(Tenant, Ben.TeamsId, Cancel);

        Assert.Equal(RecognitionOptions.LookBackLimit, lookBack.Received.Count);
        Assert.Equal(all.Select(r => r.Text).Reverse().Take(RecognitionOptions.LookBackLimit), lookBack.Received.Select(r => r.Text));
    }

    private RecognitionRecord Received(string giverId, DateTimeOffset at, string text) => new()
    {
        TenantId = Tenant,
        Key = RecordKey.New(at),
        GiverId = giverId,
        GiverName = giverId,
        RecipientId = Ben.TeamsId,
        RecipientName = Ben.Name,
        Text = text,
        Commitments = [Commitment.Reflective],
        Status = ConsentStatus.AwaitingConsent,
        Delivery = ChatAtGiving.Delivered,
        GivenAt = at,
    };
}
