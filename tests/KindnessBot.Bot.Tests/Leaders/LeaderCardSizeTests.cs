using System.Text;
using KindnessBot.Bot.Leaders;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>Teams refuses a message over about 28 KB: the leaders card, with every leader a team may have and a roster of hundreds of long names, stays under it.</summary>
public class LeaderCardSizeTests
{
    [Fact]
    public void The_leaders_card_at_its_largest_is_under_Teams_28_KB_limit()
    {
        var sizes = LeaderCardSamples.Largest(new LeaderCards(), "en-GB").Select(c => Encoding.UTF8.GetByteCount(c.Json)).ToList();

        Assert.All(sizes, bytes => Assert.True(bytes < 28_000, $"{bytes} bytes"));
    }
}
