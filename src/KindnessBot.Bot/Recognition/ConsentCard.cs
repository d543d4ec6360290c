using System.Globalization;
using KindnessBot.Bot.Cards;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>The recipient's private card: who recognised them and for what, and their choice about sharing it.</summary>
internal static class ConsentCard
{
    public static AdaptiveCard Build(Rec recognition, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var canShare = recognition.CelebrateInConversationId is not null;
        var body = RecognitionCardParts.Body(recognition, culture, T(nameof(RecognitionText.ConsentTitle)), T(nameof(RecognitionText.ConsentIntro)));
        // The team's name comes from Teams: plain text, never Markdown.
        body.Add(RichTextBlock.Plain(canShare
            ? string.Format(culture, T(nameof(RecognitionText.ConsentQuestionTeam)), RecognitionCardParts.TeamName(recognition, culture))
            : T(nameof(RecognitionText.ConsentQuestionNoTeam))) with { Spacing = Spacing.Medium });

        IReadOnlyList<CardAction> actions = canShare
            ? [Decide(T(nameof(RecognitionText.ConsentShare)), recognition, "share"), Decide(T(nameof(RecognitionText.ConsentKeep)), recognition, "private")]
            : [Decide(T(nameof(RecognitionText.ConsentThanks)), recognition, "private")];
        return new AdaptiveCard(body, actions);
    }

    private static SubmitAction Decide(string title, Rec recognition, string decision) =>
        new(title, new Dictionary<string, object> { ["verb"] = RecognitionVerbs.Consent, [ConsentVerb.RecognitionField] = recognition.Key, ["decision"] = decision });
}
