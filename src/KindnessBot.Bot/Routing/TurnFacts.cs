using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Routing;

/// <summary>What features read from a turn: who is asking, where, and in which language.</summary>
internal static class TurnFacts
{
    public static Person Person(ITurnContext turn) =>
        new(turn.Activity.From.Id, turn.Activity.From.AadObjectId, DisplayName.Bound(turn.Activity.From.Name) ?? turn.Activity.From.Id, null);

    public static ConversationRecord Where(ITurnContext turn) => SightingReader.Read((Activity)turn.Activity).Conversation;

    public static string? Locale(ITurnContext turn) => (turn.Activity as Activity)?.Locale;

    public static CultureInfo Culture(ITurnContext turn) => Localisation.Culture(Locale(turn));

    public static string Text(ITurnContext turn, string name, params object[] arguments) =>
        string.Format(Culture(turn), Localisation.Text(name, Culture(turn)), arguments);
}
