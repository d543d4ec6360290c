using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Tests.Conversations;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>Not yourself, and only someone in a chat or team the giver shares with the bot; nothing is stored when refused.</summary>
public class WhoCanBeRecognisedTests : RecognitionWorld
{
    [Theory]
    [InlineData("29:ana")]
    [InlineData("aad-ana")]
    [InlineData("AAD-ANA")]
    public async Task Recognising_yourself_is_refused(string anasId)
    {
        var service = NewService();

        var fromChat = await GiveAsync(service, Ana, anasId, AnasChat);
        var fromChannel = await GiveAsync(service, Ana, anasId, CareTeam);

        Assert.Equal((GiveRefusal.Yourself, GiveRefusal.Yourself), (fromChat.Refusal, fromChannel.Refusal));
        await AssertNothingStoredAsync(Ana.TeamsId);
    }

    [Fact]
    public async Task Recognising_yourself_by_your_Entra_id_is_refused_even_when_Teams_did_not_say_it_was_yours()
    {
        var anaWithoutEntraId = Ana with { AadObjectId = null };

        var outcome = await GiveAsync(NewService(), anaWithoutEntraId, "aad-ana", CareTeam);

        Assert.Equal(GiveRefusal.Yourself, outcome.Refusal);
        await AssertNothingStoredAsync(Ana.TeamsId);
    }

    [Theory]
    [InlineData("29:dee")] // on the Night Shift, which Ana is not in
    [InlineData("29:stranger")]
    public async Task From_personal_chat_someone_in_none_of_the_givers_teams_is_refused(string recipientId)
    {
        var outcome = await GiveAsync(NewService(), Ana, recipientId, AnasChat);

        Assert.Equal(GiveRefusal.RecipientNotFound, outcome.Refusal);
        Assert.Null(outcome.Recognition);
        await AssertNothingStoredAsync(Ana.TeamsId, recipientId);
    }

    [Fact]
    public async Task In_a_group_chat_only_its_members_can_be_recognised_even_a_teammate_outside_it_is_refused()
    {
        var service = NewService();

        var cy = await GiveAsync(service, Ana, Cy.TeamsId, AnaAndBen);
        var ben = await GiveAsync(service, Ana, Ben.TeamsId, AnaAndBen);

        Assert.Equal(GiveRefusal.RecipientNotFound, cy.Refusal);
        Assert.Null(ben.Refusal);
        Assert.Empty(await Store.ReceivedAsync(Tenant, Cy.TeamsId, null, 10, Cancel));
    }

    [Fact]
    public async Task In_a_channel_only_that_teams_members_can_be_recognised()
    {
        var service = NewService();

        var cy = await GiveAsync(service, Ben, Cy.TeamsId, NightShift); // Ben and Cy share the Care Team, not this one
        var dee = await GiveAsync(service, Ben, Dee.TeamsId, NightShift);

        Assert.Equal(GiveRefusal.RecipientNotFound, cy.Refusal);
        Assert.Null(dee.Refusal);
    }

    [Fact]
    public async Task Someone_on_the_roster_from_another_tenant_is_refused()
    {
        var guest = new Person("29:eve", "aad-eve", "Eve Elsewhere", "other-tenant");
        var local = new Person("29:fay", "aad-fay", "Fay Fernandes", Tenant);
        People.Set(CareTeam, Ana, Ben, Cy, guest, local);
        var service = NewService();

        var eve = await GiveAsync(service, Ana, guest.TeamsId, CareTeam);
        var fay = await GiveAsync(service, Ana, local.TeamsId, CareTeam);

        Assert.Equal(GiveRefusal.RecipientNotFound, eve.Refusal);
        Assert.Null(fay.Refusal);
        Assert.DoesNotContain(await service.CandidatesAsync(Ana, AnasChat, Cancel), p => p.TeamsId == guest.TeamsId);
    }

    [Fact]
    public async Task A_team_the_giver_is_not_in_cannot_be_chosen_to_celebrate_in()
    {
        var outcome = await GiveAsync(NewService(), Ana, Ben.TeamsId, AnasChat, celebrateInTeamId: NightShift.TeamId);

        Assert.Equal(GiveRefusal.TeamNotYours, outcome.Refusal);
        await AssertNothingStoredAsync(Ana.TeamsId, Ben.TeamsId);
    }

    [Fact]
    public async Task From_personal_chat_the_candidates_are_everyone_in_the_givers_teams_but_the_giver_once_each_by_name()
    {
        var candidates = await NewService().CandidatesAsync(Ben, StoreFixture.Personal(Tenant, Ben.TeamsId), Cancel);

        Assert.Equal([Ana.TeamsId, Cy.TeamsId, Dee.TeamsId], candidates.Select(p => p.TeamsId));
    }

    [Fact]
    public async Task In_a_group_chat_the_candidates_are_its_other_members()
    {
        var candidates = await NewService().CandidatesAsync(Ana, AnaAndBen, Cancel);

        Assert.Equal([Ben.TeamsId], candidates.Select(p => p.TeamsId));
    }

    [Fact]
    public async Task A_team_the_bot_has_just_joined_is_offered_within_half_a_minute()
    {
        var service = NewService();
        var scopes = Scopes();
        Assert.Equal([CareTeam.ConversationId], (await scopes.TeamsOfAsync(Ana, Tenant, Cancel)).Select(t => t.ConversationId));

        var kitchen = StoreFixture.Channel(Tenant, "19:kitchen", "19:kitchen", "Kitchen");
        await Conversations.SaveAsync(kitchen, Cancel);
        People.Set(kitchen, Ana, Dee);
        Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(2, (await scopes.TeamsOfAsync(Ana, Tenant, Cancel)).Count);
        Assert.Null((await GiveAsync(service, Ana, Dee.TeamsId, AnasChat, celebrateInTeamId: "19:kitchen")).Refusal);
    }

    private async Task AssertNothingStoredAsync(string giverId, params string[] recipientIds)
    {
        Assert.Empty(await Store.GivenAsync(Tenant, giverId, 10, Cancel));
        foreach (var recipientId in recipientIds)
        {
            Assert.Empty(await Store.ReceivedAsync(Tenant, recipientId, null, 10, Cancel));
        }

        Assert.Empty(await Sent.AskedAsync());
    }
}
