using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// The rules of recognising a colleague: not yourself, only someone in a chat or team you share with the bot,
/// once per card, within a daily limit; nothing reaches a channel until the recipient says yes.
/// </summary>
public sealed class RecognitionService(
    IRecognitionStore recognitions,
    IConversationStore conversations,
    PersonScopes scopes,
    IRecognitionNotifier notifier,
    TimeProvider time,
    RecognitionOptions options)
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

        // Known before storing, so the stored copy already says whether it is delivered: no extra write per submit.
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
            Delivery = recipientChat is null ? Delivery.Waiting : Delivery.Delivered,
            GivenAt = now,
        };

        var (outcome, stored) = await recognitions.AddAsync(recognition, request.CardId, options.DailyLimit, cancellationToken);
        if (outcome == AddOutcome.DailyLimitReached)
        {
            return GiveOutcome.Refused(GiveRefusal.DailyLimitReached);
        }

        if (outcome == AddOutcome.Duplicate)
        {
            return new GiveOutcome(stored, null, Duplicate: true, RecipientNotified: stored.Delivery == Delivery.Delivered);
        }

        if (recipientChat is null)
        {
            return new GiveOutcome(stored, null, Duplicate: false, RecipientNotified: false);
        }

        try
        {
            await notifier.AskConsentAsync(stored, recipientChat, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Teams could not be reached: the recognition waits, as for someone who has not talked to the bot yet.
            await recognitions.SetDeliveryAsync(stored, Delivery.Waiting, cancellationToken);
            return new GiveOutcome(stored, null, Duplicate: false, RecipientNotified: false);
        }

        return new GiveOutcome(stored, null, Duplicate: false, RecipientNotified: true);
    }

    /// <summary>Delivers the recognitions that were waiting for this person to start talking to the bot.</summary>
    public async Task<int> DeliverWaitingAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var waiting in await recognitions.WaitingForAsync(tenantId, userId, cancellationToken))
        {
            if (await TryDeliverAsync(waiting, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
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
            return (DecideOutcome.AlreadyDecided, received);
        }

        if (share && received.CelebrateInConversationId is null)
        {
            return (DecideOutcome.NothingToShareIn, received);
        }

        var decided = received with { Status = share ? ConsentStatus.Shared : ConsentStatus.Private, DecidedAt = time.GetUtcNow() };
        if (!await recognitions.TryDecideAsync(decided, cancellationToken))
        {
            return (DecideOutcome.AlreadyDecided, received);
        }

        if (share && await conversations.FindAsync(tenantId, decided.CelebrateInConversationId!, cancellationToken) is { IsRemoved: false } channel)
        {
            // The team's record first: it is ours to keep, while the post depends on Teams.
            await recognitions.AddToTeamAsync(decided, channel.ScopeId, cancellationToken);
            await notifier.CelebrateAsync(decided, channel, cancellationToken);
        }

        // A giver who erased their data is no longer named on the recognition, and is not told.
        if (decided.GiverId.Length > 0 && await conversations.FindPersonalAsync(tenantId, decided.GiverId, cancellationToken) is { IsRemoved: false } giverChat)
        {
            await notifier.TellGiverAsync(decided, giverChat, cancellationToken);
        }

        return (DecideOutcome.Decided, decided);
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

    private async Task<bool> TryDeliverAsync(Recognition recognition, CancellationToken cancellationToken)
    {
        if (await conversations.FindPersonalAsync(recognition.TenantId, recognition.RecipientId, cancellationToken) is not { IsRemoved: false } chat)
        {
            return false;
        }

        await notifier.AskConsentAsync(recognition, chat, cancellationToken);
        await recognitions.SetDeliveryAsync(recognition, Delivery.Delivered, cancellationToken);
        return true;
    }

    private static Dictionary<Commitment, int> CountByCommitment(IEnumerable<Recognition> received) =>
        received.SelectMany(r => r.Commitments).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
}
