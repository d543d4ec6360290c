using System.Text;

namespace KindnessBot.Bot.Cards;

/// <summary>
/// What people wrote, put into a Markdown file so it reads as written: no HTML, links, images or formatting of
/// theirs takes effect in any viewer. HTML's three characters become entities; every other ASCII punctuation mark
/// that Markdown gives a meaning is escaped with a backslash (CommonMark allows it before any of them).
/// </summary>
public static class MarkdownText
{
    private const string Escaped = "\\`*_{}[]()#+-.!|~:";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                _ when Escaped.Contains(c, StringComparison.Ordinal) => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
