namespace KindnessBot.Core.Recognition;

public enum ConsentStatus
{
    /// <summary>The recipient has not decided yet; nothing has been shared.</summary>
    AwaitingConsent,

    /// <summary>The recipient said the team may see it.</summary>
    Shared,

    /// <summary>The recipient chose to keep it between the two of them.</summary>
    Private,
}
