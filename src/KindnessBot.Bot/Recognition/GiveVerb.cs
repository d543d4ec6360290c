using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>The recognition card's "Send my recognition".</summary>
internal sealed partial class GiveVerb(RecognitionService recognitions, CommonCards cards, ILogger<GiveVerb> logger) : SubmitVerb<GiveVerb.Give>
{
    public override string Verb => RecognitionVerbs.Give;

    internal sealed record Give(string RecipientId, string Text, IReadOnlyList<Commitment> Commitments, bool HopesToShare, string CardId, string? CelebrateInTeamId);

    protected override Parsed<Give> Parse(SubmitPayload payload) => Read(payload);

    /// <summary>Shared with the message-extension entry point, which submits the same card.</summary>
    internal static Parsed<Give> Read(SubmitPayload payload)
    {
        var recipient = payload.Id("recipient");
        var text = payload.Text("what", RecognitionOptions.MaxTextLength, required: true);
        var commitments = payload.Commitments("commitments", required: true);
        var share = payload.Flag("hopeToShare", absent: false);
        var cardId = payload.Id("cardId");
        var team = payload.Text("celebrateIn", 256, required: false);
        var problem = recipient.Problem ?? text.Problem ?? commitments.Problem ?? share.Problem ?? cardId.Problem ?? team.Problem;
        if (problem is not null)
        {
            return Parsed<Give>.Invalid(problem);
        }

        if (cardId.Value!.Length != 32 || !cardId.Value.All(char.IsAsciiHexDigitLower))
        {
            return Parsed<Give>.Invalid("cardId is not a card id");
        }

        var celebrateIn = team.Value is null or "none" ? null : team.Value;
        return Parsed<Give>.Valid(new Give(recipient.Value!, text.Value!, commitments.Value!, share.Value, cardId.Value, celebrateIn));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Give command, CancellationToken cancellationToken)
    {
        var outcome = await GiveAsync(turn, command, cancellationToken);
        if (outcome.Refusal is GiveRefusal.RecipientNotFound or GiveRefusal.TeamNotYours)
        {
            // A recipient or team that was never on the giver's card: most likely a forged submit.
            LogRefused(logger, outcome.Refusal.Value);
        }

        await turn.SendActivityAsync(Reply(turn, outcome).ToActivity(), cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a recognition: {Refusal}")]
    private static partial void LogRefused(ILogger logger, GiveRefusal refusal);

    internal CardMessage Reply(ITurnContext turn, GiveOutcome outcome)
    {
        var (title, text) = ReplyText(turn, outcome);
        return cards.Notice(title, text);
    }

    internal static (string Title, string Text) ReplyText(ITurnContext turn, GiveOutcome outcome)
    {
        var culture = TurnFacts.Culture(turn);
        var title = Localisation.Text(nameof(RecognitionText.GiveSentTitle), culture);
        if (outcome.Refusal is { } refusal)
        {
            var reason = refusal switch
            {
                GiveRefusal.Yourself => nameof(RecognitionText.GiveRefusedYourself),
                GiveRefusal.RecipientNotFound => nameof(RecognitionText.GiveRefusedNotFound),
                GiveRefusal.TeamNotYours => nameof(RecognitionText.GiveRefusedTeam),
                _ => nameof(RecognitionText.GiveRefusedLimit),
            };
            return (Localisation.Text(nameof(RecognitionText.RecogniseTitle), culture), Localisation.Text(reason, culture));
        }

        var recognition = outcome.Recognition!;
        var text = outcome.Duplicate ? TurnFacts.Text(turn, nameof(RecognitionText.GiveDuplicate))
            : outcome.RecipientNotified ? TurnFacts.Text(turn, nameof(RecognitionText.GiveSentNotified), recognition.RecipientName)
            : TurnFacts.Text(turn, nameof(RecognitionText.GiveSentWaiting), recognition.RecipientName);
        return (title, text);
    }

    /// <summary>For the message-extension entry point: gives, and answers with the outcome instead of sending it.</summary>
    internal async Task<(string Title, string Text)?> GiveFromTaskAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken)
    {
        var command = Read(payload);
        if (!command.IsValid)
        {
            return null;
        }

        return ReplyText(turn, await GiveAsync(turn, command.Value!, cancellationToken));
    }

    private Task<GiveOutcome> GiveAsync(ITurnContext turn, Give command, CancellationToken cancellationToken) =>
        recognitions.GiveAsync(
            new GiveRequest(TurnFacts.Person(turn), command.RecipientId, command.Text, command.Commitments, command.HopesToShare, command.CardId, TurnFacts.Where(turn), command.CelebrateInTeamId),
            cancellationToken);
}
