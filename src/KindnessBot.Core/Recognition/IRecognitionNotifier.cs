using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Recognition;

/// <summary>Tells people about a recognition, proactively, through Teams (an edge: the bot implements it).</summary>
public interface IRecognitionNotifier
{
    /// <summary>Shows the recipient, privately, who recognised them and for what, and asks whether their team may see it.</summary>
    Task AskConsentAsync(Recognition recognition, ConversationRecord recipientChat, CancellationToken cancellationToken);

    /// <summary>Celebrates a recognition the recipient agreed to share, in the team channel.</summary>
    Task CelebrateAsync(Recognition recognition, ConversationRecord channel, CancellationToken cancellationToken);

    /// <summary>Tells the giver what the recipient decided.</summary>
    Task TellGiverAsync(Recognition recognition, ConversationRecord giverChat, CancellationToken cancellationToken);
}
