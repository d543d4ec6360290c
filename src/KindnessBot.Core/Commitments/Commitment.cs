namespace KindnessBot.Core.Commitments;

/// <summary>
/// The six commitments of the Kindness Leadership Network's Commitment to Kindness, in the order the
/// commitment lists them. Stored by name, so never renumber or rename a member.
/// </summary>
public enum Commitment
{
    Listening = 1,
    Understanding = 2,
    Permissive = 3,
    Systemic = 4,
    Reflective = 5,
    Learning = 6,
}
