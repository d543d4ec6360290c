using KindnessBot.Core.Storage;
using KindnessBot.Core.Recognition;
using RecognitionRecord = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>The recipient decides, once, whether their team may see it; nothing reaches a channel or the team's record before a yes.</summary>
public class ConsentTests : RecognitionWorld
{
    [Fact]
    public async Task Sharing_celebrates_it_in_the_channel_it_was_given_in_adds_it_to_the_teams_record_and_tells_the_giver()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);
        Time.Advance(TimeSpan.FromHours(3));

        var (outcome, decided) = await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel);

        Assert.Equal((DecideOutcome.Decided, ConsentStatus.Shared, Time.GetUtcNow()), (outcome, decided!.Status, decided.DecidedAt));
        Assert.Equal(CareRota.ConversationId, Assert.Single(await Sent.CelebratedAsync()).To);
        var inTeam = Assert.Single(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel));
        Assert.Equal((given.Key, ConsentStatus.Shared), (inTeam.Key, inTeam.Status));
        var (told, to) = Assert.Single(await Sent.ToldGiverAsync());
        Assert.Equal((ConsentStatus.Shared, Ana.TeamsId), (told.Status, to));
        Assert.Equal(ConsentStatus.Shared, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Status);
        Assert.Equal(ConsentStatus.Shared, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, given.Key, Cancel))!.Status);
    }

    [Fact]
    public async Task Keeping_it_private_posts_nothing_keeps_it_out_of_the_teams_record_and_tells_the_giver()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);

        var (outcome, decided) = await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: false, Cancel);

        Assert.Equal((DecideOutcome.Decided, ConsentStatus.Private), (outcome, decided!.Status));
        Assert.Empty(await Sent.CelebratedAsync());
        Assert.Empty(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel));
        Assert.Equal(ConsentStatus.Private, Assert.Single(await Sent.ToldGiverAsync()).Recognition.Status);
        Assert.Equal(ConsentStatus.Private, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Status);
    }

    [Fact]
    public async Task Nothing_reaches_the_channel_or_the_teams_record_before_the_recipient_decides()
    {
        await GivenInRotaAsync(NewService());

        Assert.Empty(await Sent.CelebratedAsync());
        Assert.Empty(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task The_recipient_decides_once_and_a_second_decision_is_reported_as_already_decided(bool first, bool second)
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);
        await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, first, Cancel);

        var (outcome, recognition) = await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, second, Cancel);

        var firstStatus = first ? ConsentStatus.Shared : ConsentStatus.Private;
        Assert.Equal((DecideOutcome.AlreadyDecided, firstStatus), (outcome, recognition!.Status));
        Assert.Equal(firstStatus, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, given.Key, Cancel))!.Status);
        Assert.Equal(first ? 1 : 0, (await Sent.CelebratedAsync()).Count);
        Assert.Equal(first ? 1 : 0, (await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel)).Count);
        Assert.Single(await Sent.ToldGiverAsync());
    }

    [Fact]
    public async Task Ten_presses_at_once_on_share_and_keep_private_decide_once()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: i % 2 == 0, Cancel))).WaitAsync(Cancel);

        var (_, decided) = Assert.Single(results, r => r.Outcome == DecideOutcome.Decided);
        Assert.All(results.Where(r => r.Outcome != DecideOutcome.Decided), r => Assert.Equal(DecideOutcome.AlreadyDecided, r.Outcome));
        Assert.Equal(decided!.Status, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, given.Key, Cancel))!.Status);
        Assert.Equal(decided.Status == ConsentStatus.Shared ? 1 : 0, (await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel)).Count);
        Assert.Single(await Sent.ToldGiverAsync());
    }

    [Theory]
    [InlineData("29:ana")] // the giver
    [InlineData("29:dee")]
    public async Task Only_the_recipient_can_decide(string presserId)
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);

        var (outcome, recognition) = await service.DecideAsync(Tenant, presserId, given.Key, share: true, Cancel);

        Assert.Equal((DecideOutcome.NotFound, null), (outcome, recognition));
        Assert.Equal(ConsentStatus.AwaitingConsent, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, given.Key, Cancel))!.Status);
        Assert.Empty(await Sent.CelebratedAsync());
    }

    [Fact]
    public async Task An_unknown_key_or_one_from_another_tenant_finds_nothing()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);

        Assert.Equal(DecideOutcome.NotFound, (await service.DecideAsync(Tenant, Ben.TeamsId, RecordKey.New(Time.GetUtcNow()), true, Cancel)).Outcome);
        Assert.Equal(DecideOutcome.NotFound, (await service.DecideAsync("another-tenant", Ben.TeamsId, given.Key, true, Cancel)).Outcome);
    }

    [Fact]
    public async Task With_nowhere_to_celebrate_sharing_is_refused_and_keeping_it_private_still_works()
    {
        var service = NewService();
        var given = (await GiveAsync(service, Ana, Ben.TeamsId, AnasChat)).Recognition!;

        var (share, _) = await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel);
        Assert.Equal(DecideOutcome.NothingToShareIn, share);
        Assert.Equal(ConsentStatus.AwaitingConsent, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, given.Key, Cancel))!.Status);
        Assert.Empty(await Sent.ToldGiverAsync());

        Assert.Equal(DecideOutcome.Decided, (await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: false, Cancel)).Outcome);
    }

    [Fact]
    public async Task Given_from_personal_chat_for_a_chosen_team_it_is_celebrated_in_that_teams_general_channel()
    {
        var service = NewService();
        var given = (await GiveAsync(service, Ana, Ben.TeamsId, AnasChat, celebrateInTeamId: CareTeam.TeamId)).Recognition!;

        await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel);

        Assert.Equal(CareTeam.ConversationId, Assert.Single(await Sent.CelebratedAsync()).To);
        Assert.Equal(given.Key, Assert.Single(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel)).Key);
    }

    [Fact]
    public async Task A_press_on_share_after_one_that_stopped_half_way_completes_the_teams_record_and_asks_for_each_message_once()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);
        var stopsAtTheTeamCopy = NewService(store: new StopsAtTeamCopy(Store));

        _ = await Record.ExceptionAsync(() => stopsAtTheTeamCopy.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel));
        Assert.Empty(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel));
        var (outcome, _) = await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel); // the recipient presses again

        Assert.Equal(DecideOutcome.AlreadyDecided, outcome);
        Assert.Equal(given.Key, Assert.Single(await Store.TeamAsync(Tenant, CareTeam.TeamId!, 10, Cancel)).Key);
        Assert.Equal((1, 1), (await Sent.RecordedAsync(RecognitionDelivery.Celebration), await Sent.RecordedAsync(RecognitionDelivery.Outcome)));
    }

    [Fact]
    public async Task The_celebration_and_the_note_to_the_giver_are_recorded_before_the_decision_so_a_stop_between_loses_neither()
    {
        var service = NewService();
        var given = await GivenInRotaAsync(service);
        var stopsAtTheDecision = NewService(store: new StopsAtTeamCopy(Store, atDecision: true));

        _ = await Record.ExceptionAsync(() => stopsAtTheDecision.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel));

        Assert.Equal((1, 1), (await Sent.RecordedAsync(RecognitionDelivery.Celebration), await Sent.RecordedAsync(RecognitionDelivery.Outcome)));
        Assert.Empty(await Sent.CelebratedAsync()); // not decided: the celebration waits, and is dropped if the decision never comes
        Assert.Equal(DecideOutcome.Decided, (await service.DecideAsync(Tenant, Ben.TeamsId, given.Key, share: true, Cancel)).Outcome);
        Assert.Single(await Sent.CelebratedAsync());
    }

    private async Task<RecognitionRecord> GivenInRotaAsync(RecognitionService service) =>
        (await GiveAsync(service, Ana, Ben.TeamsId, CareRota)).Recognition!;

    /// <summary>The real store, but the process "stops" (throws) when the team's copy, or the decision itself, is written.</summary>
    private sealed class StopsAtTeamCopy(IRecognitionStore inner, bool atDecision = false) : IRecognitionStore
    {
        public Task<(AddOutcome Outcome, RecognitionRecord Stored)> AddAsync(RecognitionRecord recognition, string cardId, int dailyLimit, CancellationToken cancellationToken) => inner.AddAsync(recognition, cardId, dailyLimit, cancellationToken);

        public Task<RecognitionRecord?> FindReceivedAsync(string tenantId, string recipientId, string key, CancellationToken cancellationToken) => inner.FindReceivedAsync(tenantId, recipientId, key, cancellationToken);

        public Task<RecognitionRecord?> FindByCardAsync(string tenantId, string giverId, string cardId, string recipientId, CancellationToken cancellationToken) => inner.FindByCardAsync(tenantId, giverId, cardId, recipientId, cancellationToken);

        public Task<bool> TryDecideAsync(RecognitionRecord decided, CancellationToken cancellationToken) =>
            atDecision ? throw new HttpRequestException("The process stopped here.") : inner.TryDecideAsync(decided, cancellationToken);

        public Task<IReadOnlyList<RecognitionRecord>> ReceivedAsync(string tenantId, string recipientId, DateTimeOffset? since, int max, CancellationToken cancellationToken) => inner.ReceivedAsync(tenantId, recipientId, since, max, cancellationToken);

        public Task<IReadOnlyList<RecognitionRecord>> GivenAsync(string tenantId, string giverId, int max, CancellationToken cancellationToken) => inner.GivenAsync(tenantId, giverId, max, cancellationToken);

        public Task AddToTeamAsync(RecognitionRecord recognition, string teamId, CancellationToken cancellationToken) => throw new HttpRequestException("The process stopped here.");

        public Task<IReadOnlyList<RecognitionRecord>> TeamAsync(string tenantId, string teamId, int max, CancellationToken cancellationToken) => inner.TeamAsync(tenantId, teamId, max, cancellationToken);
    }
}
