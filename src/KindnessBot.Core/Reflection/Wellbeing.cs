namespace KindnessBot.Core.Reflection;

/// <summary>
/// What a summary may say about wellbeing. The average is shown only when at least five people gave a
/// wellbeing score: with fewer, an average (together with what a leader knows of the team) could reveal how
/// one person is. The count of answers is always shown; who answered never is, for anonymous answers.
/// </summary>
public sealed record WellbeingSummary(int Answers, int Scores, double? Average)
{
    public const int MinimumScores = 5;

    public static WellbeingSummary Of(IReadOnlyCollection<ReflectionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var scores = answers.Where(a => a.Wellbeing is >= 1 and <= 5).Select(a => a.Wellbeing!.Value).ToList();
        double? average = scores.Count >= MinimumScores ? Math.Round(scores.Average(), 1) : null;
        return new WellbeingSummary(answers.Count, scores.Count, average);
    }
}
