using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>"my kindness": received and given, newest first, a page at a time, with what the received kindness reflects.</summary>
internal static class LookBackCard
{
    public const int PageSize = 5;

    public static AdaptiveCard Build(KindnessLookBack lookBack, int page, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(RecognitionText.LookBackTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (lookBack.ReceivedByCommitment.Count > 0)
        {
            body.Add(new TextBlock(T(nameof(RecognitionText.LookBackCommitments))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet([.. Enum.GetValues<Commitment>()
                .Where(lookBack.ReceivedByCommitment.ContainsKey)
                .Select(c => new Fact(c.Name(culture), lookBack.ReceivedByCommitment[c].ToString(culture)))]));
        }

        AddSection(body, string.Format(culture, T(nameof(RecognitionText.LookBackReceived)), lookBack.Received.Count), lookBack.Received, page, r => string.Format(culture, T(nameof(RecognitionText.LookBackFrom)), r.GiverName, RecognitionCardParts.Date(r.GivenAt, culture)), culture);
        AddSection(body, string.Format(culture, T(nameof(RecognitionText.LookBackGiven)), lookBack.Given.Count), lookBack.Given, page, r => string.Format(culture, T(nameof(RecognitionText.LookBackTo)), r.RecipientName, RecognitionCardParts.Date(r.GivenAt, culture)) + " · " + Status(r, culture), culture);

        var more = (page + 1) * PageSize < Math.Max(lookBack.Received.Count, lookBack.Given.Count);
        return new AdaptiveCard(body, more ? [new SubmitAction(T(nameof(RecognitionText.LookBackMore)), new Dictionary<string, object> { ["verb"] = RecognitionVerbs.MyKindnessPage, ["page"] = page + 1 })] : null);
    }

    private static void AddSection(List<CardElement> body, string heading, IReadOnlyList<Rec> items, int page, Func<Rec, string> caption, CultureInfo culture)
    {
        body.Add(new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true });
        var shown = items.Skip(page * PageSize).Take(PageSize).ToList();
        if (shown.Count == 0)
        {
            body.Add(new TextBlock(Localisation.Text(nameof(RecognitionText.LookBackNone), culture)) { IsSubtle = true });
        }

        foreach (var item in shown)
        {
            body.Add(RecognitionCardParts.Quote(item));
            body.Add(new RichTextBlock([new TextRun(caption(item))]) { Spacing = Spacing.None });
        }
    }

    private static string Status(Rec r, CultureInfo culture) => Localisation.Text(
        r.Status switch
        {
            ConsentStatus.Shared => nameof(RecognitionText.StatusShared),
            ConsentStatus.Private => nameof(RecognitionText.StatusPrivate),
            _ => nameof(RecognitionText.StatusAwaiting),
        },
        culture);
}
