using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Recognition;

/// <param name="RecipientId">The recipient's Teams id or Entra object id, as the card's picker gave it.</param>
/// <param name="CardId">The id of the card it was submitted from: the same card submitted twice stores one recognition.</param>
/// <param name="Where">The conversation it was given in.</param>
/// <param name="CelebrateInTeamId">From a chat: the team the giver would like it celebrated in, if any.</param>
public sealed record GiveRequest(
    Person Giver,
    string RecipientId,
    string Text,
    IReadOnlyList<Commitment> Commitments,
    bool HopesToShare,
    string CardId,
    ConversationRecord Where,
    string? CelebrateInTeamId);
