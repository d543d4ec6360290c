using KindnessBot.Core.Audit;
using KindnessBot.Core.People;

namespace KindnessBot.Core.PersonalData;

/// <summary>
/// A person's data rights: everything every feature keeps about them, and erasing it. Both are audited (who and when,
/// never what), and both act only on the person given, which callers take from the turn or the signed link.
/// </summary>
public sealed class PersonalDataService(IEnumerable<IPersonalDataSource> sources, IAuditLog audit, TimeProvider time)
{
    private readonly IReadOnlyList<IPersonalDataSource> _sources = [.. sources];

    public async Task<PersonalDataExport> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(person);
        var sections = new List<PersonalDataSection>();
        foreach (var source in _sources)
        {
            sections.AddRange(await source.ExportAsync(tenantId, person, cancellationToken));
        }

        var at = time.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(tenantId, at, person.TeamsId, person.Name, AuditAction.PersonalDataExported, person.TeamsId), cancellationToken);
        return new PersonalDataExport(tenantId, person, at, sections);
    }

    /// <summary>Erases what every source may erase; safe to repeat (a second time, everything is zero and nothing is audited).</summary>
    public async Task<IReadOnlyList<ErasureCount>> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(person);
        var counts = new List<ErasureCount>();
        foreach (var source in _sources)
        {
            counts.Add(await source.EraseAsync(tenantId, person, cancellationToken));
        }

        if (counts.Sum(c => c.Total) > 0)
        {
            await audit.RecordAsync(new AuditEntry(tenantId, time.GetUtcNow(), person.TeamsId, person.Name, AuditAction.PersonalDataErased, person.TeamsId), cancellationToken);
        }

        return counts;
    }
}
