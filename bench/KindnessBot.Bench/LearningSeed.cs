using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Storage;

namespace KindnessBot.Bench;

/// <summary>
/// A year of one team's raw rows for the Learning benchmark, written straight into each feature's table in the layout
/// its store writes (batches of up to 100 rows of one partition), and what those rows should count, worked out here
/// from what was generated, not by the sources: a source that misreads a row shows as a difference.
/// Only the rows the sources read are written (and the blockers' team index): no recipient or team copies of
/// recognitions, no card markers or day counters, no "affects me too" rows.
/// </summary>
internal sealed class LearningSeed
{
    public const string Tenant = "bench-tenant";
    public const string Team = "19:bench-team@thread.tacv2";
    public const int People = 40;
    public const int Weeks = 52;
    private const int Leaders = 4;
    private const int MostAnswersAWeek = 32;

    private readonly Random _random = new(15);
    private readonly List<(TableClient Table, TableEntity Row)> _rows = [];
    private readonly StorageAccount _account;
    private readonly PrivacyKeys _keys;
    private readonly AnswerKey _answers;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _start;

    public LearningSeed(StorageAccount account, PrivacyKeys keys, AnswerKey answers, DateTimeOffset now)
    {
        (_account, _keys, _answers, _now) = (account, keys, answers, now);
        _start = IsoWeeks.Start(IsoWeeks.Of(now.AddDays(-7 * (Weeks - 1))));
    }

    /// <summary>Each metric's total over the year, as the generated rows make it.</summary>
    public Dictionary<string, long> Expected { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows written: the records, and the blockers' index and reporters' list rows.</summary>
    public int Rows => _rows.Count;

    /// <summary>The person ids, the first <see cref="Leaders"/> of them leaders.</summary>
    public static string Person(int i) => $"29:bench-person-{i}";

    /// <summary>
    /// Writes <paramref name="records"/> records: a prompt a week, answers (up to 32 a week), permission statements (1 in
    /// 100), read markers (1 in 10), flexible decisions (22 in 100), blockers (18 in 100) and recognitions (the rest).
    /// </summary>
    public async Task WriteAsync(int records)
    {
        var answers = Math.Min(records * 4 / 100, Weeks * MostAnswersAWeek);
        var statements = Math.Max(1, records / 100);
        var reads = Math.Min(records / 10, statements * People);
        var decisions = records * 22 / 100;
        var blockers = records * 18 / 100;
        var recognitions = records - Weeks - answers - statements - reads - decisions - blockers;
        ArgumentOutOfRangeException.ThrowIfLessThan(recognitions, 1, nameof(records));

        Reflection(answers);
        Permissions(statements, reads, decisions);
        Recognitions(recognitions);
        Blockers(blockers);

        await Parallel.ForEachAsync(
            _rows.GroupBy(r => (r.Table.Name, r.Row.PartitionKey)).SelectMany(p => p.Chunk(100)),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (batch, ct) => await batch[0].Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r.Row)), ct));
    }

    private void Reflection(int answers)
    {
        var storage = new ReflectionStorage(_account);
        var partition = TableKey.Encode(Tenant);
        for (var w = 0; w < Weeks; w++)
        {
            var week = IsoWeeks.Of(_start.AddDays(7 * w));
            var commitment = Enum.GetValues<Commitment>()[w % 6];
            var due = IsoWeeks.Start(week).AddHours(9);
            var prompt = new PromptMessage(Tenant, Team, week, Team, commitment, QuestionBank.For(commitment)[w / 6 % QuestionBank.MinimumPerCommitment].Key, due, due.AddDays(4), "Europe/London");
            var answerers = Sample(Share(answers, w, Weeks));
            Add(storage.Slots, new TableEntity(partition, TableKey.Compose(Team, week))
            {
                ["Prompt"] = prompt.ToJson(), ["State"] = nameof(SlotState.Sent), ["ClaimedBy"] = "bench", ["ClaimedAt"] = due.AddMinutes(-5),
                ["Attempts"] = 1, ["ActivityId"] = "1:prompt-" + week, ["AnswerCount"] = answerers.Count,
            });
            Count(Metrics.ReflectionPrompts);
            foreach (var person in answerers)
            {
                var anonymous = _random.Next(2) == 0;
                int? wellbeing = _random.Next(5) < 3 ? _random.Next(1, 6) : null;
                var at = Min(due.AddSeconds(_random.Next(4 * 86_400)), _now);
                var row = new TableEntity(partition, TableKey.Compose(Team, week) + "|" + _answers.For(Tenant, new PromptId(Team, week), Person(person)))
                {
                    ["Text"] = "We made time to listen to a family who were worried.", ["Anonymous"] = anonymous,
                    ["UpdatedAt"] = anonymous ? new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero) : at,
                };
                if (wellbeing is not null)
                {
                    row["Wellbeing"] = wellbeing;
                    Count(Metrics.WellbeingScores);
                    Count(Metrics.WellbeingTotal, wellbeing.Value);
                }

                if (!anonymous)
                {
                    (row["UserId"], row["UserName"]) = (Person(person), $"Person {person}");
                }

                if (_random.Next(10) == 0)
                {
                    row["Changes"] = 1;
                }

                Add(storage.Answers, row);
                Count(Metrics.ReflectionAnswers);
            }
        }
    }

    private void Permissions(int count, int reads, int decisions)
    {
        var table = _account.Table(PermissionStorage.TableName);
        var partition = TableKey.Compose(Tenant, "s", Team);
        var statements = Enumerable.Range(0, count).Select(_ => Instant()).Order().Select(at => (Key: RecordKey.New(at), At: at, Leader: _random.Next(Leaders), Used: 0)).ToArray();
        var used = new HashSet<(string Week, string Key)>();
        for (var d = 0; d < decisions; d++)
        {
            var at = Instant();
            var valid = statements.Select((s, i) => (s, i)).Where(x => x.s.At <= at && DateOnly.FromDateTime(x.s.At.UtcDateTime).AddDays(27) >= DateOnly.FromDateTime(at.UtcDateTime)).Select(x => x.i).ToList();
            int? relied = valid.Count > 0 && _random.Next(3) < 2 ? valid[_random.Next(valid.Count)] : null;
            var person = _random.Next(People);
            var key = RecordKey.New(at);
            Add(table, new TableEntity(partition, "d|" + key)
            {
                ["TenantId"] = Tenant, ["ScopeId"] = Team, ["Key"] = key, ["PersonId"] = Person(person), ["PersonName"] = $"Person {person}",
                ["Decided"] = "Let a carer stay past visiting hours", ["ForWhom"] = "a family on the ward", ["StatementKey"] = relied is { } r ? statements[r].Key : null,
                ["Outcome"] = "They were calmer, and so was the ward", ["ShareAsStory"] = _random.Next(4) == 0, ["MadeAt"] = at,
            });
            if (relied is { } s)
            {
                statements[s].Used++;
                used.Add((IsoWeeks.Of(at), statements[s].Key));
                Count(Metrics.DecisionsWithStatement);
            }
            else
            {
                Count(Metrics.DecisionsWithoutStatement);
            }
        }

        Count(Metrics.PermissionsUsed, used.Count);
        for (var i = 0; i < statements.Length; i++)
        {
            var (key, at, leader, usedCount) = statements[i];
            var readers = Sample(Share(reads, i, statements.Length));
            var from = DateOnly.FromDateTime(at.UtcDateTime);
            Add(table, new TableEntity(partition, "s|" + key)
            {
                ["TenantId"] = Tenant, ["ScopeId"] = Team, ["ConversationId"] = Team, ["Key"] = key, ["LeaderId"] = Person(leader), ["LeaderName"] = $"Person {leader}",
                ["What"] = "You may stay with a patient's family past the end of your shift", ["Boundaries"] = "Tell the nurse in charge",
                ["Commitments"] = CommitmentList.Format([Commitment.Permissive, Commitment.Listening]), ["ValidFrom"] = from.ToString("O", CultureInfo.InvariantCulture),
                ["ValidUntil"] = from.AddDays(27).ToString("O", CultureInfo.InvariantCulture), ["PostedAt"] = at, ["Revoked"] = false, ["ActivityId"] = "1:statement-" + i,
                ["ReadCount"] = readers.Count, ["UsedCount"] = usedCount,
            });
            Count(Metrics.PermissionsIssued);
            foreach (var reader in readers)
            {
                Add(table, new TableEntity(partition, $"read|{key}|{TableKey.Encode(Person(reader))}"));
                Count(Metrics.PermissionsRead);
            }
        }
    }

    private void Recognitions(int count)
    {
        var table = _account.Table(RecognitionStorage.TableName);
        var all = Enum.GetValues<Commitment>();
        for (var i = 0; i < count; i++)
        {
            var (giver, recipient) = (_random.Next(People), _random.Next(People - 1));
            recipient += recipient >= giver ? 1 : 0;
            var at = Instant();
            var key = RecordKey.New(at);
            var commitments = all.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).Order().ToList();
            var status = _random.Next(20) switch { < 12 => ConsentStatus.Shared, < 17 => ConsentStatus.AwaitingConsent, _ => ConsentStatus.Private };
            var row = new TableEntity(TableKey.Compose(Tenant, "g", Person(giver)), "r|" + key)
            {
                ["TenantId"] = Tenant, ["Key"] = key, ["GiverId"] = Person(giver), ["GiverName"] = $"Person {giver}", ["RecipientId"] = Person(recipient),
                ["RecipientName"] = $"Person {recipient}", ["Text"] = "Stayed late to help a family who were lost, and made them a cup of tea.",
                ["Commitments"] = CommitmentList.Format(commitments), ["GiverHopesToShare"] = true, ["Status"] = status.ToString(),
                ["Delivery"] = nameof(ChatAtGiving.Delivered), ["GivenAt"] = at, ["CelebrateInConversationId"] = Team, ["CelebrateInTeamName"] = "Bench team",
            };
            if (status != ConsentStatus.AwaitingConsent)
            {
                row["DecidedAt"] = Min(at.AddHours(_random.Next(1, 48)), _now);
            }

            Add(table, row);
            Count(Metrics.Recognitions);
            commitments.ForEach(c => Count(Metrics.RecognitionsFor(c)));
        }
    }

    private void Blockers(int count)
    {
        var table = new BlockerStorage(_account).Blockers;
        for (var i = 0; i < count; i++)
        {
            var reporter = Person(_random.Next(People));
            var instant = Instant();
            var named = _random.Next(4) == 0;
            var created = named ? instant : new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero);
            var history = new List<BlockerEvent> { new(created, BlockerEventKind.Reported, BlockerStatus.New, ToTeam: Team) };
            var at = created;
            var wanted = _random.Next(20) switch { < 7 => BlockerStatus.New, < 9 => BlockerStatus.Acknowledged, < 11 => BlockerStatus.InProgress, < 16 => BlockerStatus.Changed, _ => BlockerStatus.NotChanging };
            foreach (var step in new[] { BlockerStatus.Acknowledged, BlockerStatus.InProgress, wanted }.Where(s => s != BlockerStatus.New && s <= wanted).Distinct())
            {
                var next = at.AddSeconds(_random.Next(step is BlockerStatus.Changed or BlockerStatus.NotChanging ? 40 * 86_400 : 5 * 86_400));
                if (next > _now)
                {
                    break; // not there yet: it stays where it is
                }

                at = next;
                history.Add(new(at, BlockerEventKind.Moved, step));
                if (step == BlockerStatus.Changed)
                {
                    Count(Metrics.BlockersChanged);
                    Count(Metrics.ChangeDays((int)(at - created).TotalDays));
                }
                else if (step == BlockerStatus.NotChanging)
                {
                    Count(Metrics.BlockersNotChanging);
                }
            }

            var status = history[^1].Status;
            var blocker = new Blocker
            {
                TenantId = Tenant, Id = RecordKey.New(new DateTimeOffset(created.UtcDateTime.Date, TimeSpan.Zero)), TeamId = Team,
                What = $"The booking form asks for a reason every time ({i})", Where = BlockerWhere.Process, Affected = BlockerAffected.PeopleWeServe, Status = status,
                Anonymous = !named, ReporterId = named ? reporter : null, ReporterName = named ? "A reporter" : null, SealedAddress = named ? null : _keys.Addresses.Seal(Tenant, reporter),
                AffectsCount = 1, CreatedAt = created, UpdatedAt = at, ClosedAt = BlockerMoves.IsClosed(status) ? at : null,
                Outcome = status switch { BlockerStatus.Changed => "We did: the reason is asked once", BlockerStatus.NotChanging => "Because: the regulator asks for it", _ => null },
                History = history,
            };
            Add(table, Summary(blocker, BlockerKeys.BlockerPartition(Tenant), blocker.Id, new()
            {
                ["Kind"] = "blocker", ["Anonymous"] = blocker.Anonymous, ["ReporterId"] = blocker.ReporterId, ["ReporterName"] = blocker.ReporterName,
                ["SealedAddress"] = blocker.SealedAddress, ["MergedInto"] = null, ["History"] = JsonSerializer.Serialize(history),
            }));
            Add(table, Summary(blocker, BlockerKeys.IndexPartition(Tenant, Team), BlockerKeys.IndexRow(blocker), new()));
            Add(table, new TableEntity(BlockerKeys.PersonPartition(Tenant, _keys.Tags.For(Tenant, BlockerKeys.ReportsPurpose, "", reporter)), Guid.NewGuid().ToString("N"))
            {
                ["Blocker"] = _keys.Sealer.Seal(Tenant, BlockerKeys.ReportsPurpose, blocker.Id),
            });
            Count(Metrics.BlockersRaised);
        }
    }

    /// <summary>A blocker's row as BlockerRows writes it: its summary (the index row is that alone) and <paramref name="more"/>.</summary>
    private static TableEntity Summary(Blocker b, string partition, string row, Dictionary<string, object?> more)
    {
        var entity = new TableEntity(partition, row)
        {
            ["Id"] = b.Id, ["TeamId"] = b.TeamId, ["What"] = b.What, ["Where"] = b.Where.ToString(), ["Affected"] = b.Affected.ToString(), ["Suggestion"] = b.Suggestion,
            ["Status"] = b.Status.ToString(), ["AffectsCount"] = b.AffectsCount, ["CreatedAt"] = b.CreatedAt, ["UpdatedAt"] = b.UpdatedAt, ["ClosedAt"] = b.ClosedAt, ["Outcome"] = b.Outcome,
        };
        foreach (var (name, value) in more)
        {
            entity[name] = value;
        }

        return entity;
    }

    private void Add(TableClient table, TableEntity row) => _rows.Add((table, row));

    private void Count(string metric, long amount = 1) => Expected[metric] = Expected.GetValueOrDefault(metric) + amount;

    /// <summary>The <paramref name="i"/>th of <paramref name="parts"/> near-equal shares of <paramref name="total"/>.</summary>
    private static int Share(int total, int i, int parts) => (int)(((long)(i + 1) * total / parts) - ((long)i * total / parts));

    /// <summary><paramref name="count"/> different people (at most all of them).</summary>
    private List<int> Sample(int count) => [.. Enumerable.Range(0, People).OrderBy(_ => _random.Next()).Take(count)];

    /// <summary>A moment (whole seconds) from the first of the 52 weeks up to now.</summary>
    private DateTimeOffset Instant() => _start.AddSeconds(Math.Floor(_random.NextDouble() * (_now - _start).TotalSeconds));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
