using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Bench;

/// <summary>The benchmarks measure storage, not the authorisation check: these people lead, everywhere; nobody is an admin.</summary>
internal sealed class FixedLeaders(params string[] leaders) : IAuthorisation
{
    public Task<bool> IsAdminAsync(Person person, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> IsLeaderAsync(ConversationRecord scope, Person person, CancellationToken cancellationToken) => Task.FromResult(leaders.Contains(person.TeamsId));

    public Task<IReadOnlyList<Person>> LeadersOfAsync(ConversationRecord scope, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Person>>([]);
}

/// <summary>The benchmarks read no Teams roster.</summary>
internal sealed class NoRoster : KindnessBot.Core.People.IPeopleDirectory
{
    public Task<IReadOnlyList<Person>> MembersAsync(ConversationRecord conversation, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Person>>([]);
}
