namespace KindnessBot.Bot.Audit;

/// <summary>The verbs the audit card's buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class AuditVerbs
{
    public const string Page = "audit-page";
}
