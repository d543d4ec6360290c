using KindnessBot.Bot.Delivery;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>
/// Recognition's messages as they are sent: the recipient's consent request (only while they have not decided), the
/// celebration in the channel (only of one they shared), and the note to the giver (once decided).
/// </summary>
internal sealed class RecognitionRenderer(IRecognitionStore recognitions, RecognitionCards cards) : IDeliveryRenderer
{
    private const string Locale = "en-GB";

    public IReadOnlyDictionary<string, string?> Kinds { get; } = new Dictionary<string, string?>
    {
        [RecognitionDelivery.Consent] = null,
        [RecognitionDelivery.Celebration] = null,
        [RecognitionDelivery.Outcome] = nameof(RecognitionText.OptOutOutcome),
    };

    public async Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await RecognitionDelivery.FindAsync(recognitions, entry, cancellationToken) is not { } recognition)
        {
            return Rendered.Wait; // recorded just before the recognition; dropped if it never comes
        }

        return (entry.Kind, recognition.Status) switch
        {
            (RecognitionDelivery.Consent, ConsentStatus.AwaitingConsent) => Rendered.Show(cards.Consent(recognition, Locale)),
            (RecognitionDelivery.Consent, _) => Rendered.Drop("Decided before the request went out."),
            (RecognitionDelivery.Celebration, ConsentStatus.Shared) => Rendered.Show(cards.Celebration(recognition, Locale)),
            (RecognitionDelivery.Celebration, ConsentStatus.AwaitingConsent) => Rendered.Wait,
            (RecognitionDelivery.Celebration, _) => Rendered.Drop("Kept private."),
            (RecognitionDelivery.Outcome, ConsentStatus.AwaitingConsent) => Rendered.Wait,
            (RecognitionDelivery.Outcome, _) when recognition.GiverId.Length == 0 => Rendered.Drop("The giver erased their data."),
            (RecognitionDelivery.Outcome, _) => Rendered.Show(cards.GiverOutcome(recognition, Locale)),
            _ => Rendered.Drop("Not a recognition message."),
        };
    }
}
