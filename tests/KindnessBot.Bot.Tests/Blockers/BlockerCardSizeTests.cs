using System.Text;
using KindnessBot.Bot.Blockers;
using KindnessBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>Teams refuses a message over about 28 KB: every blockers and listening card, with every text at its longest and as many items as it shows, stays under it.</summary>
public class BlockerCardSizeTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public void Every_blockers_card_at_its_largest_is_under_Teams_28_KB_limit()
    {
        var sizes = BlockerCardSamples.Largest(host.Services.GetRequiredService<BlockerCards>(), "en-GB").Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(c.Json))).ToList();

        Assert.All(sizes, card => Assert.True(card.Bytes < 28_000, $"{card.Name}: {card.Bytes} bytes"));
        Assert.Contains(sizes, card => card.Name == "BlockerCards.List" && card.Bytes > 10_000);
    }

    [Fact]
    public void Every_listening_card_at_its_largest_is_under_Teams_28_KB_limit()
    {
        var sizes = Listening.ListeningCardSamples.Largest(host.Services.GetRequiredService<KindnessBot.Bot.Listening.ListeningCards>(), "en-GB").Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(c.Json))).ToList();

        Assert.All(sizes, card => Assert.True(card.Bytes < 28_000, $"{card.Name}: {card.Bytes} bytes"));
        Assert.Contains(sizes, card => card.Name == "ListeningCards.Results" && card.Bytes > 10_000);
    }
}
