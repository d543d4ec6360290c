using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Measures;
using KindnessBot.Core.People;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// The rules of recognising a colleague: not yourself, only someone in a chat or team you share with the bot,
/// once per card, within a daily limit; nothing reaches a channel until the recipient says yes. Every message it
/// causes goes through the delivery path, recorded before the change it announces, so a stop between the two loses
/// nothing; a message whose change never happened finds nothing to show and is dropped.
/// </summary>
public sealed class RecognitionService(
    IRecognitionStore recognitions,
    IConversationStore conversations,
    PersonScopes scopes,
    DeliveryOutbox outbox,
    TimeProvider time,
    RecognitionOptions options,
    IMeasures? measures = null)
{
    public async Task<GiveOutcome> GiveAsync(GiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Giver.Is(request.RecipientId))
        {
            return GiveOutcome.Refused(GiveRefusal.Yourself);
        }

        var tenantId = request.Where.TenantId;
        var giverTeams = request.Where.Kind == ConversationKind.Channel ? [] : await scopes.TeamsOfAsync(request.Giver, tenantId, cancellationToken);
        var recipient = await scopes.FindMemberAsync(request.Where.Kind == ConversationKind.Personal ? giverTeams : [request.Where], request.RecipientId, tenantId, cancellationToken);
        if (recipient is null)
        {
            return GiveOutcome.Refused(GiveRefusal.RecipientNotFound);
        }

        if (request.Giver.Is(recipient.TeamsId) || (recipient.AadObjectId is not null && request.Giver.Is(recipient.AadObjectId)))
        {
            return GiveOutcome.Refused(GiveRefusal.Yourself);
        }

        ConversationRecord? celebrateIn = request.Where.Kind == ConversationKind.Channel ? request.Where : null;
        if (request.CelebrateInTeamId is not null && celebrateIn is null)
        {
            celebrateIn = giverTeams.FirstOrDefault(t => t.TeamId == request.CelebrateInTeamId);
            if (celebrateIn is null)
            {
                return GiveOutcome.Refused(GiveRefusal.TeamNotYours);
            }
        }

        // Known before storing, so the stored copy already says whether they could be told at once: no extra write per submit.
        var recipientChat = await conversations.FindPersonalAsync(tenantId, recipient.TeamsId, cancellationToken) is { IsRemoved: false } chat ? chat : null;
        var now = time.GetUtcNow();
        var recognition = new Recognition
        {
            TenantId = tenantId,
            Key = RecordKey.New(now),
            GiverId = request.Giver.TeamsId,
            GiverName = request.Giver.Name,
            RecipientId = recipient.TeamsId,
            RecipientName = recipient.Name,
            Text = request.Text,
            Commitments = [.. request.Commitments.Distinct().Order()],
            GiverHopesToShare = request.HopesToShare && celebrateIn is not null,
            CelebrateInConversationId = celebrateIn?.ConversationId,
            CelebrateInTeamName = celebrateIn?.TeamName,
            Status = ConsentStatus.AwaitingConsent,
            Delivery = recipientChat is null ? ChatAtGiving.Waiting : ChatAtGiving.Delivered,
            GivenAt = now,
        };

        // The request first, keyed by the card: a resubmit after a stop here finds it recorded and stores the recognition.
        await outbox.EnqueueAsync(RecognitionDelivery.ConsentRequest(tenantId, recognition.GiverId, request.CardId, recipient.TeamsId, recipient.AadObjectId), cancellationToken);
        var (outcome, stored) = await recognitions.AddAsync(recognition, request.CardId, options.DailyLimit, cancellationToken);
        if (outcome == AddOutcome.DailyLimitReached)
        {
            return GiveOutcome.Refused(GiveRefusal.DailyLimitReached);
        }

        if (outcome == AddOutcome.Added && celebrateIn is not null)
        {
            foreach (var measure in RecognitionMeasures.Given(stored, celebrateIn.ScopeId))
            {
                measures?.Count(measure);
            }
        }

        return new GiveOutcome(stored, null, Duplicate: outcome == AddOutcome.Duplicate, RecipientNotified: stored.Delivery == ChatAtGiving.Delivered);
    }

    public async Task<(DecideOutcome Outcome, Recognition? Recognition)> DecideAsync(string tenantId, string recipientId, string key, bool share, CancellationToken cancellationToken)
    {
        // Looked up in the presser's own partition: a forged key for someone else's recognition finds nothing.
        var received = await recognitions.FindReceivedAsync(tenantId, recipientId, key, cancellationToken);
        if (received is null)
        {
            return (DecideOutcome.NotFound, null);
        }

        if (received.Status != ConsentStatus.AwaitingConsent)
        {
            // Pressed again: whatever the first press set off is asked for again (each once, by its key), in case the
            // first press stopped half-way.
            if (await AnnounceAsync(received, cancellationToken) is { } sharedIn)
            {
                await recognitions.AddToTeamAsync(received, sharedIn.ScopeId, cancellationToken); // repeated press: safe to repeat
            }

            return (DecideOutcome.AlreadyDecided, received);
        }

        if (share && received.CelebrateInConversationId is null)
        {
            return (DecideOutcome.NothingToShareIn, received);
        }

        var decided = received with { Status = share ? ConsentStatus.Shared : ConsentStatus.Private, DecidedAt = time.GetUtcNow() };

        // Recorded before the decision: if the decision then loses to another press, each message finds the recognition
        // as that press left it (a celebration of one kept private is dropped).
        var channel = await AnnounceAsync(decided, cancellationToken);
        if (!await recognitions.TryDecideAsync(decided, cancellationToken))
        {
            return (DecideOutcome.AlreadyDecided, received);
        }

        if (channel is not null)
        {
            await recognitions.AddToTeamAsync(decided, channel.ScopeId, cancellationToken);
        }

        return (DecideOutcome.Decided, decided);
    }

    /// <summary>
    /// Records the celebration (if shared, in a channel the bot is still in) and the note to the giver. Returns that
    /// channel, where the team's copy belongs, or null when there is none.
    /// </summary>
    private async Task<ConversationRecord?> AnnounceAsync(Recognition decided, CancellationToken cancellationToken)
    {
        ConversationRecord? channel = null;
        if (decided.Status == ConsentStatus.Shared && await conversations.FindAsync(decided.TenantId, decided.CelebrateInConversationId!, cancellationToken) is { IsRemoved: false } found)
        {
            channel = found;
            await outbox.EnqueueAsync(RecognitionDelivery.CelebrationRequest(decided, channel.ConversationId), cancellationToken);
        }

        // A giver who erased their data is no longer named on the recognition, and is not told.
        if (decided.GiverId.Length > 0)
        {
            await outbox.EnqueueAsync(RecognitionDelivery.OutcomeRequest(decided), cancellationToken);
        }

        return channel;
    }

    public async Task<KindnessLookBack> LookBackAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var received = await recognitions.ReceivedAsync(tenantId, userId, null, RecognitionOptions.LookBackLimit, cancellationToken);
        var given = await recognitions.GivenAsync(tenantId, userId, RecognitionOptions.LookBackLimit, cancellationToken);
        return new KindnessLookBack(received, given, CountByCommitment(received));
    }

    /// <summary>What a person received since <paramref name="since"/>, for their appraisal conversation.</summary>
    public async Task<KindnessLookBack> ReceivedSinceAsync(string tenantId, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var received = await recognitions.ReceivedAsync(tenantId, userId, since, RecognitionOptions.LookBackLimit, cancellationToken);
        return new KindnessLookBack(received, [], CountByCommitment(received));
    }

    /// <summary>The people a person can recognise from <paramref name="where"/>: everyone in the chat or their teams but themselves.</summary>
    public async Task<IReadOnlyList<Person>> CandidatesAsync(Person giver, ConversationRecord where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(giver);
        ArgumentNullException.ThrowIfNull(where);
        var members = await scopes.MembersAsync(await scopes.ScopesAsync(giver, where, cancellationToken), where.TenantId, cancellationToken);
        return [.. members.Where(m => !giver.Is(m.TeamsId)).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    private static Dictionary<Commitment, int> CountByCommitment(IEnumerable<Recognition> received) =>
        received.SelectMany(r => r.Commitments).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
}
