using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Recognition;

/// <summary>What a person received and gave, newest first, with the commitments their received kindness reflects.</summary>
public sealed record KindnessLookBack(IReadOnlyList<Recognition> Received, IReadOnlyList<Recognition> Given, IReadOnlyDictionary<Commitment, int> ReceivedByCommitment);
