using KindnessBot.Bot.Resources;
using System.Text.RegularExpressions;
using KindnessBot.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Routing;

/// <summary>
/// Finds the command in a typed message: case-insensitive, with the bot's @mention removed (channels and group
/// chats), extra spaces and trailing punctuation ignored. Anything else gets a kind pointer to the help card.
/// </summary>
public sealed partial class TextCommandRouter
{
    private const int MaxCommandWords = 4; // "how are we doing"
    private readonly Dictionary<string, ITextCommand> _byWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly CommonCards _cards;

    public TextCommandRouter(IEnumerable<ITextCommand> commands, CommonCards cards)
    {
        _cards = cards;
        foreach (var command in commands)
        {
            foreach (var word in command.Aliases.Prepend(command.Name))
            {
                if (!_byWord.TryAdd(word, command))
                {
                    throw new InvalidOperationException($"Two commands answer to '{word}'.");
                }
            }
        }
    }

    public async Task RouteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // The longest command the first words make ("delete my data" before "delete"), up to four words.
        var (phrase, argument) = Split(CleanText(turn.Activity));
        var candidates = new List<(string Phrase, string Argument)> { (phrase, argument) };
        for (var words = 2; words <= MaxCommandWords && argument.Length > 0; words++)
        {
            (var next, argument) = Split(argument);
            phrase += " " + next;
            candidates.Add((phrase, argument));
        }

        foreach (var (candidate, rest) in Enumerable.Reverse(candidates))
        {
            if (_byWord.TryGetValue(candidate, out var command))
            {
                await command.HandleAsync(turn, rest, cancellationToken);
                return;
            }
        }

        var shared = turn.Activity.Conversation.ConversationType is "channel" or "groupChat";
        await turn.SendActivityAsync(_cards.Help(shared, turn.Activity.Locale).ToActivity(Localisation.Text(nameof(Strings.UnknownCommand), Localisation.Culture(turn.Activity.Locale))), cancellationToken);
    }

    /// <summary>The message text without any @mention, HTML tags or extra white space.</summary>
    internal static string CleanText(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var mentionText in BotMentionTexts(activity))
        {
            text = text.Replace(mentionText, " ", StringComparison.Ordinal);
        }

        // Some clients mention the bot without a matching entity; a leading mention is always the bot's.
        text = LeadingMention().Replace(text, " ", 1);
        text = AnyTag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    private static List<string> BotMentionTexts(Activity activity)
    {
        var texts = new List<string>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var mention = entity.GetAs<Mention>();
                if (mention?.Mentioned?.Id == activity.Recipient.Id && !string.IsNullOrEmpty(mention.Text))
                {
                    texts.Add(mention.Text);
                }
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // A malformed mention entity is ignored; the leading-mention rule below still applies.
            }
        }

        return texts;
    }

    internal static (string Word, string Argument) Split(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? text : text[..space]).TrimEnd('.', '!', '?', ',', ';', ':');
        var argument = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        return (word.ToLowerInvariant(), argument);
    }

    [GeneratedRegex(@"^\s*<at>[^<]{0,256}</at>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex LeadingMention();

    [GeneratedRegex("<[^>]{0,200}>", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
