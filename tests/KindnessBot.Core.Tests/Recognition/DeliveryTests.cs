using KindnessBot.Core.Storage;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Tests.Conversations;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>What a recognition holds once given, and how it reaches the recipient: now, or when they first talk to the bot.</summary>
public class DeliveryTests : RecognitionWorld
{
    [Fact]
    public async Task A_teammate_picked_by_Entra_id_is_stored_under_their_Teams_id_and_asked_privately_in_their_own_chat()
    {
        var outcome = await GiveAsync(NewService(), Ana, Ben.AadObjectId!, AnasChat);

        Assert.Equal((null, false, true), (outcome.Refusal, outcome.Duplicate, outcome.RecipientNotified));
        var received = Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel));
        Assert.Equal((Ana.TeamsId, Ana.Name, Ben.TeamsId, Ben.Name), (received.GiverId, received.GiverName, received.RecipientId, received.RecipientName));
        Assert.Equal((ConsentStatus.AwaitingConsent, Delivery.Delivered, Time.GetUtcNow()), (received.Status, received.Delivery, received.GivenAt));
        Assert.Equal(received.Key, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Key);
        var (asked, chat) = Assert.Single(Notifier.Asked);
        Assert.Equal((received.Key, "a:chat-29:ben"), (asked.Key, chat.ConversationId));
        Assert.True(RecordKey.IsKey(received.Key));
    }

    [Fact]
    public async Task What_people_write_is_stored_exactly_as_written_up_to_the_longest_the_card_allows()
    {
        var written = "<b>Thank you</b> & **well done** <at>Ben</at> 🌷 " + new string('x', 100);
        written += new string('é', RecognitionOptions.MaxTextLength - written.Length);

        var outcome = await NewService().GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, text: written), Cancel);

        Assert.Null(outcome.Refusal);
        Assert.Equal(written, Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel)).Text);
        Assert.Equal(written, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Text);
    }

    [Fact]
    public async Task Commitments_are_kept_once_each_in_the_commitments_own_order()
    {
        await NewService().GiveAsync(Request(Ana, Ben.TeamsId, CareTeam, commitments: [Commitment.Learning, Commitment.Listening, Commitment.Learning]), Cancel);

        Assert.Equal([Commitment.Listening, Commitment.Learning], Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel)).Commitments);
    }

    [Fact]
    public async Task Given_in_a_channel_it_is_to_be_celebrated_in_that_channel_whatever_team_the_card_named()
    {
        var outcome = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareRota, celebrateInTeamId: NightShift.TeamId);

        var stored = outcome.Recognition!;
        Assert.Equal((CareRota.ConversationId, "Care Team", true), (stored.CelebrateInConversationId, stored.CelebrateInTeamName, stored.GiverHopesToShare));
    }

    [Fact]
    public async Task From_a_chat_with_no_team_chosen_there_is_nowhere_to_celebrate_so_the_giver_cannot_hope_to_share()
    {
        var outcome = await NewService().GiveAsync(Request(Ana, Ben.TeamsId, AnaAndBen, hopesToShare: true), Cancel);

        var stored = Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel));
        Assert.Equal((null, null, false), (stored.CelebrateInConversationId, stored.CelebrateInTeamName, stored.GiverHopesToShare));
        Assert.Equal(stored.Key, outcome.Recognition!.Key);
    }

    [Fact]
    public async Task For_someone_who_has_not_talked_to_the_bot_it_waits_and_is_delivered_once_when_they_do()
    {
        var service = NewService();
        var outcome = await GiveAsync(service, Ana, Cy.TeamsId, CareTeam);

        Assert.Equal((null, false), (outcome.Refusal, outcome.RecipientNotified));
        Assert.Empty(Notifier.Asked);
        Assert.Equal(Delivery.Waiting, Assert.Single(await Store.WaitingForAsync(Tenant, Cy.TeamsId, Cancel)).Delivery);
        Assert.Equal(0, await service.DeliverWaitingAsync(Tenant, Cy.TeamsId, Cancel)); // still no chat to deliver to

        await Conversations.SaveAsync(StoreFixture.Personal(Tenant, Cy.TeamsId), Cancel);

        Assert.Equal(1, await service.DeliverWaitingAsync(Tenant, Cy.TeamsId, Cancel));
        Assert.Equal(0, await service.DeliverWaitingAsync(Tenant, Cy.TeamsId, Cancel));
        Assert.Equal(("a:chat-29:cy", outcome.Recognition!.Key), (Assert.Single(Notifier.Asked).Chat.ConversationId, Notifier.Asked.Single().Recognition.Key));
        Assert.Empty(await Store.WaitingForAsync(Tenant, Cy.TeamsId, Cancel));
        Assert.Equal(Delivery.Delivered, (await Store.FindReceivedAsync(Tenant, Cy.TeamsId, outcome.Recognition.Key, Cancel))!.Delivery);
    }

    [Fact]
    public async Task Someone_who_removed_the_bot_is_not_sent_anything_and_it_waits_for_them()
    {
        await Conversations.MarkRemovedAsync(Tenant, "a:chat-29:ben", Time.GetUtcNow(), Cancel);

        var outcome = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareTeam);

        Assert.False(outcome.RecipientNotified);
        Assert.Empty(Notifier.Asked);
        Assert.Single(await Store.WaitingForAsync(Tenant, Ben.TeamsId, Cancel));
    }

    [Fact]
    public async Task When_Teams_cannot_be_reached_the_recognition_is_kept_and_waits_instead_of_failing()
    {
        Notifier.TeamsUnreachable = true;

        var outcome = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareTeam);

        Assert.Equal((null, false), (outcome.Refusal, outcome.RecipientNotified));
        Assert.Equal(outcome.Recognition!.Key, Assert.Single(await Store.WaitingForAsync(Tenant, Ben.TeamsId, Cancel)).Key);
        Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel));
    }
}
