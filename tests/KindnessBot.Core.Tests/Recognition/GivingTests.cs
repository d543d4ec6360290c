using KindnessBot.Core.Storage;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>What a recognition holds once given, and the consent request the delivery path is asked for (recorded before the recognition).</summary>
public class GivingTests : RecognitionWorld
{
    [Fact]
    public async Task A_teammate_picked_by_Entra_id_is_stored_under_their_Teams_id_and_asked_privately_in_their_own_chat()
    {
        var outcome = await GiveAsync(NewService(), Ana, Ben.AadObjectId!, AnasChat);

        Assert.Equal((null, false, true), (outcome.Refusal, outcome.Duplicate, outcome.RecipientNotified));
        var received = Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel));
        Assert.Equal((Ana.TeamsId, Ana.Name, Ben.TeamsId, Ben.Name), (received.GiverId, received.GiverName, received.RecipientId, received.RecipientName));
        Assert.Equal((ConsentStatus.AwaitingConsent, ChatAtGiving.Delivered, Time.GetUtcNow()), (received.Status, received.Delivery, received.GivenAt));
        Assert.Equal(received.Key, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Key);
        var (asked, to) = Assert.Single(await Sent.AskedAsync());
        Assert.Equal((received.Key, Ben.TeamsId), (asked.Key, to));
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
    public async Task For_someone_who_has_not_talked_to_the_bot_the_request_is_recorded_for_them_and_the_giver_is_told_it_waits()
    {
        var outcome = await GiveAsync(NewService(), Ana, Cy.TeamsId, CareTeam);

        Assert.Equal((null, false), (outcome.Refusal, outcome.RecipientNotified));
        var (asked, to) = Assert.Single(await Sent.AskedAsync());
        Assert.Equal((outcome.Recognition!.Key, Cy.TeamsId, ChatAtGiving.Waiting), (asked.Key, to, asked.Delivery));
    }

    [Fact]
    public async Task Someone_who_removed_the_bot_is_recorded_as_waiting_for_a_chat()
    {
        await Conversations.MarkRemovedAsync(Tenant, "a:chat-29:ben", Time.GetUtcNow(), Cancel);

        var outcome = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareTeam);

        Assert.False(outcome.RecipientNotified);
        Assert.Equal(ChatAtGiving.Waiting, Assert.Single(await Sent.AskedAsync()).Recognition.Delivery);
    }

    [Fact]
    public async Task A_give_that_stops_after_recording_the_request_shows_nothing_and_a_resubmit_of_the_card_completes_it_with_one_request()
    {
        var card = NewCardId();
        var stops = new RecognitionService(new StopsAtAdd(Store), Conversations, Scopes(), Path(), Time, new RecognitionOptions());

        _ = await Record.ExceptionAsync(() => GiveAsync(stops, Ana, Ben.TeamsId, CareTeam, card));
        Assert.Equal(1, await Sent.RecordedAsync(RecognitionDelivery.Consent));
        Assert.Empty(await Sent.AskedAsync()); // nothing stored: the request finds nothing to show
        var resubmitted = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareTeam, card);

        Assert.False(resubmitted.Duplicate);
        Assert.Equal(resubmitted.Recognition!.Key, Assert.Single(await Sent.AskedAsync()).Recognition.Key);
        Assert.Equal(1, await Sent.RecordedAsync(RecognitionDelivery.Consent));
    }

    /// <summary>The real store, but the process "stops" (throws) before the recognition is stored.</summary>
    private sealed class StopsAtAdd(IRecognitionStore inner) : IRecognitionStore
    {
        public Task<(AddOutcome Outcome, Core.Recognition.Recognition Stored)> AddAsync(Core.Recognition.Recognition recognition, string cardId, int dailyLimit, CancellationToken cancellationToken) => throw new HttpRequestException("The process stopped here.");

        public Task<Core.Recognition.Recognition?> FindReceivedAsync(string tenantId, string recipientId, string key, CancellationToken cancellationToken) => inner.FindReceivedAsync(tenantId, recipientId, key, cancellationToken);

        public Task<Core.Recognition.Recognition?> FindByCardAsync(string tenantId, string giverId, string cardId, string recipientId, CancellationToken cancellationToken) => inner.FindByCardAsync(tenantId, giverId, cardId, recipientId, cancellationToken);

        public Task<bool> TryDecideAsync(Core.Recognition.Recognition decided, CancellationToken cancellationToken) => inner.TryDecideAsync(decided, cancellationToken);

        public Task<IReadOnlyList<Core.Recognition.Recognition>> ReceivedAsync(string tenantId, string recipientId, DateTimeOffset? since, int max, CancellationToken cancellationToken) => inner.ReceivedAsync(tenantId, recipientId, since, max, cancellationToken);

        public Task<IReadOnlyList<Core.Recognition.Recognition>> GivenAsync(string tenantId, string giverId, int max, CancellationToken cancellationToken) => inner.GivenAsync(tenantId, giverId, max, cancellationToken);

        public Task AddToTeamAsync(Core.Recognition.Recognition recognition, string teamId, CancellationToken cancellationToken) => inner.AddToTeamAsync(recognition, teamId, cancellationToken);

        public Task<IReadOnlyList<Core.Recognition.Recognition>> TeamAsync(string tenantId, string teamId, int max, CancellationToken cancellationToken) => inner.TeamAsync(tenantId, teamId, max, cancellationToken);
    }
}
