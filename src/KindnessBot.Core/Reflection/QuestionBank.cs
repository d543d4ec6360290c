using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// The weekly questions, read from ReflectionQuestions.resx (en-GB). Rotation is a pure function of the team and
/// the week: week n of a schedule with k commitments asks about commitment n mod k, and that commitment's
/// question advances by one each time it comes round. With at least six questions per commitment, a question
/// comes back after at least 6k weeks, so never within six weeks. A per-team offset keeps teams on different
/// questions in the same week.
/// </summary>
public static class QuestionBank
{
    public const int MinimumPerCommitment = 6;

    private static readonly ResourceManager Resources = new("KindnessBot.Core.Reflection.ReflectionQuestions", typeof(QuestionBank).Assembly);

    private static readonly Lazy<IReadOnlyDictionary<Commitment, IReadOnlyList<ReflectionQuestion>>> Bank = new(Load);

    public static IReadOnlyList<ReflectionQuestion> For(Commitment commitment) => Bank.Value[commitment];

    public static IEnumerable<ReflectionQuestion> All => Bank.Value.Values.SelectMany(q => q);

    public static ReflectionQuestion? Find(string key) => All.FirstOrDefault(q => q.Key == key);

    /// <summary>The question a team's schedule asks in a given slot.</summary>
    public static ReflectionQuestion Pick(ReflectionSchedule schedule, PromptSlot slot)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(slot);
        var k = schedule.Commitments.Count;
        var week = slot.WeekIndex;
        var commitment = schedule.Commitments[week % k];
        var questions = For(commitment);
        var turn = week / k; // how many times this commitment has come round
        return questions[(int)((turn + TeamOffset(schedule.TeamId)) % questions.Count)];
    }

    private static long TeamOffset(string teamId) =>
        BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(teamId)), 0);

    private static Dictionary<Commitment, IReadOnlyList<ReflectionQuestion>> Load()
    {
        var bank = new Dictionary<Commitment, IReadOnlyList<ReflectionQuestion>>();
        foreach (var commitment in Enum.GetValues<Commitment>())
        {
            var list = new List<ReflectionQuestion>();
            for (var n = 1; Resources.GetString($"{commitment}_{n}", CultureInfo.InvariantCulture) is { } text; n++)
            {
                list.Add(new ReflectionQuestion($"{commitment}_{n}", commitment, text));
            }

            if (list.Count < MinimumPerCommitment)
            {
                throw new InvalidOperationException($"The question bank needs at least {MinimumPerCommitment} questions for {commitment}.");
            }

            bank[commitment] = list;
        }

        return bank;
    }
}
