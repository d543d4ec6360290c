using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Recognition;

/// <summary>What a person received and gave, newest first, with the commitments their received kindness reflects.</summary>
public sealed record KindnessLookBack(IReadOnlyList<Recognition> Received, IReadOnlyList<Recognition> Given, IReadOnlyDictionary<Commitment, int> ReceivedByCommitment);
