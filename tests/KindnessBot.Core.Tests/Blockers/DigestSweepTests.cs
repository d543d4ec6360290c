using KindnessBot.Core.Blockers;
using KindnessBot.Core.Tests.Delivery;
using KindnessBot.Core.Tests.Roles;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Blockers;

/// <summary>The monthly digest's sweep against Azurite: one team whose digest cannot be handed over leaves the others unaffected.</summary>
public sealed class DigestSweepTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_team_whose_digest_cannot_be_handed_over_does_not_stop_the_other_teams_digests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var delivery = await DeliveryWorld.NewAsync(time: time);
        var storage = new BlockerStorage(delivery.Account);
        await storage.CreateAllAsync(None);
        var digests = new BlockerDigests(storage, new BlockerStore(storage), delivery.Path, new FixedAuthorisation(BlockerWorld.Leader.TeamsId), time);
        // A team whose channel is unknown (no conversation to post to: the delivery path refuses it) and two that are fine.
        await digests.SetAsync(BlockerWorld.Scope("19:broken") with { ConversationId = "" }, BlockerWorld.Leader, 15, "Europe/London", None);
        await digests.SetAsync(BlockerWorld.Scope("19:team-a"), BlockerWorld.Leader, 15, "Europe/London", None);
        await digests.SetAsync(BlockerWorld.Scope("19:team-z"), BlockerWorld.Leader, 15, "Europe/London", None);
        time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var handed = await digests.SweepAsync(None);

        Assert.Equal(2, handed);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero), (await digests.FindAsync(BlockerWorld.Tenant, "19:team-z", None))!.NextDue);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero), (await digests.FindAsync(BlockerWorld.Tenant, "19:broken", None))!.NextDue);
        Assert.Equal(0, await digests.SweepAsync(None)); // the broken one is tried again, and fails again, alone
    }
}
