namespace KindnessBot.Core.Permissions;

/// <summary>A flexible decision someone made, and whether they are happy for it to be shared as a story.</summary>
public sealed record FlexDecision
{
    public const int MaxTextLength = 1000;
    public const int MaxForWhomLength = 200;

    public required string TenantId { get; init; }

    public required string ScopeId { get; init; }

    public required string Key { get; init; }

    public required string PersonId { get; init; }

    public required string PersonName { get; init; }

    public required string Decided { get; init; }

    /// <summary>Free text; nobody needs to name a customer.</summary>
    public required string ForWhom { get; init; }

    /// <summary>The statement it relied on, or null for "my own judgement".</summary>
    public string? StatementKey { get; init; }

    public required string Outcome { get; init; }

    public bool ShareAsStory { get; init; }

    public DateTimeOffset MadeAt { get; init; }
}
