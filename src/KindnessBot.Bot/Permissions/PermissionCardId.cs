using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Permissions;

/// <summary>
/// The id a form card carries in its submit, so that card acts once however often it is submitted (a double click, a
/// Teams retry, "Post it" pressed again after Teams refused the post): 32 lower-case hex digits, made when the card is.
/// </summary>
internal static class PermissionCardId
{
    public const string Field = "cardId";

    public static string New() => Guid.NewGuid().ToString("N");

    public static Parsed<string> Read(SubmitPayload payload)
    {
        var cardId = payload.Id(Field);
        return !cardId.IsValid ? cardId
            : cardId.Value is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? cardId
            : Parsed<string>.Invalid("cardId is not a card id");
    }
}
