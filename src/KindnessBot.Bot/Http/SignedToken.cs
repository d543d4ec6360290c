namespace KindnessBot.Bot.Http;

/// <summary>What a signed token says: its fields when it is genuine and in date; whether it is genuine but expired; or neither.</summary>
public sealed record SignedToken(IReadOnlyList<string>? Fields, bool Expired)
{
    public static readonly SignedToken Invalid = new(null, false);

    public bool IsValid => Fields is not null;
}
