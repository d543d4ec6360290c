namespace KindnessBot.Bot.Delivery;

internal static class DeliveryVerbs
{
    public const string SaveSettings = "settings-save";
}
