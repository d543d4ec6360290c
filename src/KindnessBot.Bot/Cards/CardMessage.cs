using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Cards;

/// <summary>A finished card, ready to send. The parsed content is shared between sends and never modified.</summary>
public sealed class CardMessage
{
    private readonly JObject _content;

    public CardMessage(string name, AdaptiveCard card)
    {
        Name = name;
        Json = card.ToJson();
        _content = JObject.Parse(Json);
    }

    /// <summary>Which card this is, for tests and logs.</summary>
    public string Name { get; }

    public string Json { get; }

    public Attachment ToAttachment() => new() { ContentType = AdaptiveCard.ContentType, Content = _content };

    public IMessageActivity ToActivity(string? text = null)
    {
        var activity = MessageFactory.Attachment(ToAttachment());
        if (text is not null)
        {
            activity.Text = text;
        }

        return activity;
    }
}
