using KindnessBot.Bot.Cards;
using KindnessBot.Core.Audit;

namespace KindnessBot.Bot.Audit;

/// <summary>The audit log's card.</summary>
public sealed class AuditCards : CardSet
{
    public CardMessage Page(AuditPage page, string? locale) => Fresh(AuditCard.Build(page, Culture(locale)));
}
