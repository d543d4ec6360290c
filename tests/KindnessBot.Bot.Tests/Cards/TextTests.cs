using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Bot.Tests.Cards;

/// <summary>The shared texts and each feature's own, read all at once.</summary>
public class TextTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void The_shared_texts_are_in_Strings_and_each_features_in_its_own_folder()
    {
        var resources = Localisation.AllNames().Select(n => n.Resource).Distinct().ToList();

        Assert.Contains("KindnessBot.Bot.Resources.Strings", resources);
        Assert.Superset(new HashSet<string>(["KindnessBot.Bot.Recognition.RecognitionText", "KindnessBot.Bot.Permissions.PermissionText", "KindnessBot.Bot.Reflection.ReflectionText"]), resources.ToHashSet());
        Assert.All(resources.Where(r => r != "KindnessBot.Bot.Resources.Strings"), r => Assert.Matches(@"^KindnessBot\.Bot\.\w+\.\w+Text$", r));
    }

    [Fact]
    public void No_two_resources_have_a_text_of_the_same_name()
    {
        var twice = Localisation.AllNames().GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} in {string.Join(", ", g.Select(n => n.Resource))}");

        Assert.Empty(twice);
    }

    [Fact]
    public void Every_text_is_in_British_English_and_none_is_empty()
    {
        foreach (var (resource, name) in Localisation.AllNames())
        {
            var text = Localisation.Text(name, EnGb);
            Assert.False(string.IsNullOrWhiteSpace(text), $"{resource}: {name} is empty");
            foreach (var american in new[] { "recognize", "organization", "color", "favorite", "behavior", "center", "apologize" })
            {
                Assert.DoesNotContain(american, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Every_commitment_has_a_name_and_a_summary()
    {
        foreach (var commitment in Enum.GetValues<Commitment>())
        {
            Assert.False(string.IsNullOrWhiteSpace(commitment.Name(EnGb)));
            Assert.False(string.IsNullOrWhiteSpace(commitment.Summary(EnGb)));
        }
    }
}
