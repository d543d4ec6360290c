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

public enum GiveRefusal
{
    Yourself,
    RecipientNotFound,
    TeamNotYours,
    DailyLimitReached,
}

/// <param name="RecipientNotified">False when the recipient has no personal chat with the bot yet: it waits for them.</param>
public sealed record GiveOutcome(Recognition? Recognition, GiveRefusal? Refusal, bool Duplicate, bool RecipientNotified)
{
    public static GiveOutcome Refused(GiveRefusal refusal) => new(null, refusal, false, false);
}

public enum DecideOutcome
{
    Decided,
    AlreadyDecided,
    NotFound,
    NothingToShareIn,
}

/// <summary>What a person received and gave, newest first, with the commitments their received kindness reflects.</summary>
public sealed record KindnessLookBack(IReadOnlyList<Recognition> Received, IReadOnlyList<Recognition> Given, IReadOnlyDictionary<Commitment, int> ReceivedByCommitment);

public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    /// <summary>How many recognitions one person may give in a day (UTC).</summary>
    public int DailyLimit { get; set; } = 10;

    public const int MaxTextLength = 1000;

    /// <summary>How far back "my kindness" looks.</summary>
    public const int LookBackLimit = 500;
}
