using System.Globalization;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>A command people can type. Registered commands appear on the help card and in the Teams manifest.</summary>
public interface ITextCommand
{
    /// <summary>The command as typed, lower case ("help").</summary>
    string Name { get; }

    /// <summary>Other words that mean the same ("hi", "hello").</summary>
    IReadOnlyList<string> Aliases { get; }

    string Usage(CultureInfo culture);

    string Describe(CultureInfo culture);

    /// <param name="argument">Whatever followed the command, trimmed (may be empty).</param>
    Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken);
}
