using System.Globalization;
using KindnessBot.Bot.Cards;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>A typed command with its name, aliases and the two texts the help card shows (named by nameof).</summary>
public abstract class TextCommand(string name, string usageText, string descriptionText, params string[] aliases) : ITextCommand
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    public string Usage(CultureInfo culture) => Localisation.Text(usageText, culture);

    public string Describe(CultureInfo culture) => Localisation.Text(descriptionText, culture);

    public abstract Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken);
}
