using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Core.Tests.Roles;

/// <summary>For tests of a feature's own rules: these Teams ids lead everywhere, nobody else leads or administers.</summary>
internal sealed class FixedAuthorisation(params string[] leaders) : IAuthorisation
{
    public Task<bool> IsAdminAsync(Person person, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> IsLeaderAsync(ConversationRecord scope, Person person, CancellationToken cancellationToken) => Task.FromResult(leaders.Contains(person.TeamsId));

    public Task<IReadOnlyList<Person>> LeadersOfAsync(ConversationRecord scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>([.. leaders.Select(id => new Person(id, null, id, scope.TenantId))]);
}
