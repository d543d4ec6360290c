using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>"appraisal summary": choose a period, then the summary of what was received, with a file to download.</summary>
internal static class AppraisalCard
{
    public static readonly int[] Periods = [3, 6, 12];

    public static AdaptiveCard ChoosePeriod(CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(RecognitionText.AppraisalTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T(nameof(RecognitionText.AppraisalIntro))),
                new InputChoiceSet("months", [.. Periods.Select(m => new Choice(T($"AppraisalMonths{m}"), m.ToString(CultureInfo.InvariantCulture)))])
                {
                    Label = T(nameof(RecognitionText.AppraisalPeriodLabel)),
                    Style = "expanded",
                    Value = "6",
                    IsRequired = true,
                    ErrorMessage = T(nameof(RecognitionText.AppraisalPeriodLabel)),
                },
            ],
            [SubmitAction.ForVerb(T(nameof(RecognitionText.AppraisalMake)), RecognitionVerbs.AppraisalSummary)]);
    }

    public static AdaptiveCard Summary(KindnessLookBack received, int months, Uri download, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(string.Format(culture, T(nameof(RecognitionText.AppraisalSummaryTitle)), months)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(string.Format(culture, T(nameof(RecognitionText.AppraisalSummaryCount)), received.Received.Count, received.Received.Select(r => r.GiverId).Distinct().Count())),
            new FactSet([.. Enum.GetValues<Commitment>()
                .Where(received.ReceivedByCommitment.ContainsKey)
                .Select(c => new Fact(c.Name(culture), received.ReceivedByCommitment[c].ToString(culture)))]),
        };
        foreach (var item in received.Received.Take(10))
        {
            body.Add(RecognitionCardParts.Quote(item));
            body.Add(new RichTextBlock([new TextRun(string.Format(culture, T(nameof(RecognitionText.LookBackFrom)), item.GiverName, RecognitionCardParts.Date(item.GivenAt, culture)))]) { Spacing = Spacing.None });
        }

        return new AdaptiveCard(body, [new OpenUrlAction(T(nameof(RecognitionText.AppraisalDownload)), download)]);
    }
}
