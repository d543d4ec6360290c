using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>Recognition news, sent proactively to the stored conversations. The recipient hears first, and privately.</summary>
internal sealed class TeamsRecognitionNotifier(ProactiveSender sender, RecognitionCards cards) : IRecognitionNotifier
{
    // Proactive messages carry no locale; the product's language is en-GB.
    private const string Locale = "en-GB";

    public Task AskConsentAsync(Core.Recognition.Recognition recognition, ConversationRecord recipientChat, CancellationToken cancellationToken) =>
        sender.SendAsync(recipientChat, cards.Consent(recognition, Locale).ToActivity(), cancellationToken);

    public Task CelebrateAsync(Core.Recognition.Recognition recognition, ConversationRecord channel, CancellationToken cancellationToken) =>
        sender.SendAsync(channel, cards.Celebration(recognition, Locale).ToActivity(), cancellationToken);

    public Task TellGiverAsync(Core.Recognition.Recognition recognition, ConversationRecord giverChat, CancellationToken cancellationToken) =>
        sender.SendAsync(giverChat, cards.GiverOutcome(recognition, Locale).ToActivity(), cancellationToken);
}
