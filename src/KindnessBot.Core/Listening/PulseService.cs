using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Listening;

/// <summary>
/// Listening pulses: a leader asks, the card goes to the team's conversation on the delivery path, everyone answers once
/// (answering again replaces their answer), and leaders read the answers once the pulse closed with five or more. An
/// answer is kept under the person's keyed tag for that pulse (unjoinable across pulses), with the day only; a name
/// only if they added it. Nothing records who did not answer.
/// </summary>
public sealed class PulseService(ListeningStorage storage, PrivacyKeys keys, IAuthorisation authorisation, DeliveryOutbox outbox, TimeProvider time, IAuditLog? audit = null) : IDeliveryReaction
{
    private const int Attempts = 5;
    private const string NamedPurpose = "pulse-named";
    private readonly TableClient _table = storage.Table;

    public IReadOnlyCollection<string> Kinds { get; } = [PulseMessage.Kind];

    public async Task<(PulseOutcome Outcome, Pulse? Pulse)> AskAsync(ConversationRecord scope, Person leader, string? question, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        if (scope.Kind == ConversationKind.Personal || string.IsNullOrWhiteSpace(question) || days is < 1 or > Pulse.MaxOpenDays)
        {
            return (PulseOutcome.Invalid, null);
        }

        if (question.Trim().Length > Pulse.MaxQuestionLength)
        {
            return (PulseOutcome.TooLong, null);
        }

        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return (PulseOutcome.NotALeader, null);
        }

        var now = time.GetUtcNow();
        var latest = await LatestAsync(scope.TenantId, scope.ScopeId, cancellationToken);
        if (latest is not null && !latest.IsClosed(now))
        {
            return (PulseOutcome.AlreadyOpen, latest);
        }

        // Each pulse is newer than the one before, even at the same instant, so the newest is always the latest asked.
        var at = latest is not null && latest.OpenedAt >= now ? latest.OpenedAt.AddTicks(1) : now;

        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var pulse = new Pulse
        {
            TenantId = scope.TenantId,
            TeamId = scope.ScopeId,
            Id = RecordKey.New(at),
            ConversationId = scope.ConversationId,
            Question = question.Trim(),
            OpenedAt = at,
            ClosesAt = day.AddDays(days + 1),
        };
        await _table.AddEntityAsync(Row(pulse), cancellationToken);
        await outbox.EnqueueAsync(new DeliveryRequest(pulse.TenantId, $"pulse|{pulse.TeamId}|{pulse.Id}", PulseMessage.Kind, Recipient.Conversation(pulse.ConversationId), new PulseMessage(pulse.TenantId, pulse.TeamId, pulse.Id).ToJson())
        {
            ExpiresAt = pulse.ClosesAt,
        }, cancellationToken);
        await audit.RecordLeaderActionAsync(scope, leader, AuditAction.PulseAsked, now, pulse.Id, cancellationToken);
        return (PulseOutcome.Done, pulse);
    }

    /// <summary>The team's newest pulse (one point of one partition), or null.</summary>
    public async Task<Pulse?> LatestAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ListeningKeys.PulsePartition(tenantId, teamId)}"), maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return Read(tenantId, row);
        }

        return null;
    }

    public async Task<Pulse?> FindAsync(string tenantId, string teamId, string pulseId, CancellationToken cancellationToken)
    {
        if (!RecordKey.IsKey(pulseId))
        {
            return null;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(ListeningKeys.PulsePartition(tenantId, teamId), pulseId, cancellationToken: cancellationToken);
        return found.HasValue ? Read(tenantId, found.Value!) : null;
    }

    /// <summary>Someone's answer (their first, or a new one in its place) while the pulse is open; the pulse with its new count.</summary>
    public async Task<(PulseOutcome Outcome, Pulse? Pulse)> AnswerAsync(ConversationRecord scope, Person person, string pulseId, string? text, bool named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(person);
        if (await FindAsync(scope.TenantId, scope.ScopeId, pulseId, cancellationToken) is not { } pulse)
        {
            return (PulseOutcome.NotFound, null);
        }

        var now = time.GetUtcNow();
        if (pulse.IsClosed(now))
        {
            return (PulseOutcome.Closed, pulse);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (PulseOutcome.Invalid, pulse);
        }

        if (text.Trim().Length > Pulse.MaxAnswerLength)
        {
            return (PulseOutcome.TooLong, pulse);
        }

        var partition = ListeningKeys.AnswerPartition(scope.TenantId, pulse.Id);
        var tag = keys.Tags.For(scope.TenantId, ListeningKeys.AnswerPurpose, pulse.Id, person.TeamsId);
        var before = await _table.GetEntityIfExistsAsync<TableEntity>(partition, tag, select: ["Named"], cancellationToken: cancellationToken);
        var namedList = NamedRow(scope.TenantId, person.TeamsId, pulse);
        var row = new TableEntity(partition, tag)
        {
            ["Kind"] = "answer",
            ["Text"] = text.Trim(),
            ["Named"] = named,
            ["Name"] = named ? DisplayName.Bound(person.Name) : null,
            ["NamedList"] = named ? namedList.PartitionKey : null,
            ["Day"] = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        if (named)
        {
            await _table.UpsertEntityAsync(namedList, TableUpdateMode.Replace, cancellationToken);
        }
        else if (before.HasValue && before.Value!.GetBoolean("Named") == true)
        {
            await _table.DeleteIfThereAsync(namedList.PartitionKey, namedList.RowKey, cancellationToken);
        }

        var counted = await CountAsync(pulse, cancellationToken) ?? pulse;
        return (before.HasValue ? PulseOutcome.Updated : PulseOutcome.Done, counted);
    }

    public async Task<(PulseOutcome Outcome, Pulse? Pulse)> CloseAsync(ConversationRecord scope, Person leader, string pulseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return (PulseOutcome.NotALeader, null);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await FindAsync(scope.TenantId, scope.ScopeId, pulseId, cancellationToken) is not { } pulse)
            {
                return (PulseOutcome.NotFound, null);
            }

            var now = time.GetUtcNow();
            if (pulse.IsClosed(now))
            {
                return (PulseOutcome.Closed, pulse);
            }

            if (await TryReplaceAsync(pulse with { ClosedAt = now }, cancellationToken) is { } closed)
            {
                await audit.RecordLeaderActionAsync(scope, leader, AuditAction.PulseClosed, now, pulse.Id, cancellationToken);
                return (PulseOutcome.Done, closed);
            }
        }

        return (PulseOutcome.Invalid, null);
    }

    /// <summary>The answers, for the team's leaders, once the pulse closed with five or more; in an order that says nothing about who or when.</summary>
    public async Task<(PulseOutcome Outcome, Pulse? Pulse, IReadOnlyList<PulseAnswer> Answers)> ResultsAsync(ConversationRecord scope, Person leader, string pulseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return (PulseOutcome.NotALeader, null, []);
        }

        if (await FindAsync(scope.TenantId, scope.ScopeId, pulseId, cancellationToken) is not { } pulse)
        {
            return (PulseOutcome.NotFound, null, []);
        }

        var now = time.GetUtcNow();
        if (!pulse.IsClosed(now))
        {
            return (PulseOutcome.StillOpen, pulse, []);
        }

        var rows = await AnswerRowsAsync(scope.TenantId, pulse.Id, cancellationToken);
        if (rows.Count < Pulse.MinimumAnswers)
        {
            return (PulseOutcome.TooFew, pulse, []);
        }

        await audit.RecordLeaderActionAsync(scope, leader, AuditAction.PulseRead, now, pulse.Id, cancellationToken);
        return (PulseOutcome.Done, pulse, [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(ReadAnswer)]);
    }

    public async Task DeliveredAsync(OutboxEntry entry, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (PulseMessage.FromJson(entry.Request.Payload) is not { } message)
        {
            return;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await FindAsync(message.TenantId, message.TeamId, message.PulseId, cancellationToken) is not { } pulse
                || await TryReplaceAsync(pulse with { ActivityId = activityId }, cancellationToken) is not null)
            {
                return;
            }
        }
    }

    public Task NotDeliveredAsync(OutboxEntry entry, DeliveryState state, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    internal string NamedTag(string tenantId, string userId) => keys.Tags.For(tenantId, NamedPurpose, "", userId);

    internal TableEntity NamedRow(string tenantId, string userId, Pulse pulse) =>
        new(TableKey.Compose(tenantId, "n", NamedTag(tenantId, userId)), pulse.Id) { ["TeamId"] = pulse.TeamId, ["Tag"] = keys.Tags.For(tenantId, ListeningKeys.AnswerPurpose, pulse.Id, userId) };

    internal Task<List<TableEntity>> AnswerRowsAsync(string tenantId, string pulseId, CancellationToken cancellationToken) =>
        _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ListeningKeys.AnswerPartition(tenantId, pulseId)}"), cancellationToken);

    private async Task<Pulse?> CountAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var count = (await AnswerRowsAsync(pulse.TenantId, pulse.Id, cancellationToken)).Count;
            var current = await FindAsync(pulse.TenantId, pulse.TeamId, pulse.Id, cancellationToken);
            if (current is null || current.AnswerCount == count)
            {
                return current;
            }

            if (await TryReplaceAsync(current with { AnswerCount = count }, cancellationToken) is { } counted)
            {
                return counted;
            }
        }

        return null;
    }

    private async Task<Pulse?> TryReplaceAsync(Pulse after, CancellationToken cancellationToken)
    {
        try
        {
            var written = await _table.UpdateEntityAsync(Row(after), after.ETag, TableUpdateMode.Replace, cancellationToken);
            return after with { ETag = written.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    private static TableEntity Row(Pulse p) => new(ListeningKeys.PulsePartition(p.TenantId, p.TeamId), p.Id)
    {
        ["Kind"] = "pulse",
        ["TeamId"] = p.TeamId,
        ["ConversationId"] = p.ConversationId,
        ["Question"] = p.Question,
        ["OpenedAt"] = p.OpenedAt,
        ["ClosesAt"] = p.ClosesAt,
        ["ClosedAt"] = p.ClosedAt,
        ["ActivityId"] = p.ActivityId,
        ["AnswerCount"] = p.AnswerCount,
    };

    private static Pulse Read(string tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        TeamId = e.GetString("TeamId") ?? "",
        Id = e.RowKey,
        ConversationId = e.GetString("ConversationId") ?? "",
        Question = e.GetString("Question") ?? "",
        OpenedAt = e.GetDateTimeOffset("OpenedAt") ?? default,
        ClosesAt = e.GetDateTimeOffset("ClosesAt") ?? default,
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ActivityId = e.GetString("ActivityId"),
        AnswerCount = e.GetInt32("AnswerCount") ?? 0,
        ETag = e.ETag,
    };

    internal static PulseAnswer ReadAnswer(TableEntity e) =>
        new(e.GetString("Text") ?? "", e.GetBoolean("Named") == true, e.GetString("Name"), DateOnly.FromDateTime((e.GetDateTimeOffset("Day") ?? default).UtcDateTime));
}
