namespace KindnessBot.Core.Recognition;

/// <param name="RecipientNotified">False when the recipient has no personal chat with the bot yet: it waits for them.</param>
public sealed record GiveOutcome(Recognition? Recognition, GiveRefusal? Refusal, bool Duplicate, bool RecipientNotified)
{
    public static GiveOutcome Refused(GiveRefusal refusal) => new(null, refusal, false, false);
}
