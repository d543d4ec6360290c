namespace KindnessBot.Core.Permissions;

public enum StatementState
{
    Active,
    NotYetValid,
    Expired,
    Revoked,
}
