using System.Text.RegularExpressions;
using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Browser;

/// <summary>
/// The Playground's first user (Alex Wilber, "user-id-0") is configured as a leader. The reflection sweeper runs every
/// second, so a prompt made due by a test is posted within moments rather than at the next minute.
/// Its port is chosen before it starts, so the links it makes (the dashboard's picture, the story) point at itself.
/// </summary>
public sealed class PlaygroundHost : BotHost
{
    private static readonly int FixedPort = Loopback.FreePort();

    public PlaygroundHost()
        : base(new() { ["Leaders:Admins:0"] = "user-id-0", ["Reflection:SweepInterval"] = "00:00:01", ["Dialogs:Enabled"] = "false", ["Links:PublicBaseUrl"] = $"http://127.0.0.1:{FixedPort}/" })
    {
    }

    protected override int Port => FixedPort;
}

/// <summary>
/// The real host, the Microsoft 365 Agents Playground (a Teams-like client) and headless Chromium: what a person
/// sees. Screenshots are kept in artifacts/test-results.
/// </summary>
public sealed partial class PlaygroundTests(PlaygroundHost host) : IClassFixture<PlaygroundHost>
{
    /// <summary>
    /// The statement is a post the bot makes on its own (a proactive message), and its buttons must reach the bot: in
    /// Playground 0.2.28 a button whose data had a field named "key" threw in the page and sent nothing (issue 12).
    /// </summary>
    [BrowserFact]
    public async Task A_leader_posts_a_permission_to_flex_in_the_team_channel_and_a_member_reads_and_uses_it_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        await SayInTheTeamChannelAsync(playground, "help");
        var screenshot = Path.Combine(RepoPaths.Artefacts, "playground-permission-team-channel.png");

        var result = await RunScriptAsync("playground-permission.js", [playground.Url, "Test Bot", screenshot]);

        Assert.True((bool?)result["ok"] == true, (string?)result["error"]);
        Assert.Contains("I've read this", (string?)result["posted"], StringComparison.Ordinal);
        Assert.Contains("Read by 0 · used 0 times", (string?)result["posted"], StringComparison.Ordinal);
        Assert.Contains("Read by 1 · used 0 times", (string?)result["read"], StringComparison.Ordinal);
        Assert.Contains("Thank you for reading it.", (string?)result["readThanks"], StringComparison.Ordinal);
        Assert.Contains("Read by 1 · used 1 times", (string?)result["used"], StringComparison.Ordinal);
        Assert.Contains("Recorded, and shared with your team as a story", (string?)result["recorded"], StringComparison.Ordinal);
        Assert.Contains("I refunded the delivery charge", (string?)result["story"], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Typing_help_in_personal_chat_shows_the_help_card_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        var screenshot = Path.Combine(RepoPaths.Artefacts, "playground-help-personal-chat.png");

        var result = await RunBrowserAsync(playground.Url, "Personal Chat", "help", "Here's what I can do", screenshot);

        Assert.True((bool?)result["ok"] == true, (string?)result["error"]);
        Assert.Contains("Show this list of what I can do.", (string?)result["cardText"], StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show the conversation");
    }

    [BrowserFact]
    public async Task Recognising_a_colleague_in_personal_chat_thanks_the_giver_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        await SayInTheTeamChannelAsync(playground, "help");
        var screenshot = Path.Combine(RepoPaths.Artefacts, "playground-recognise-personal-chat.png");

        var result = await RunScriptAsync("playground-recognise.js", [playground.Url, "Megan Bowen", screenshot]);

        Assert.True((bool?)result["ok"] == true, (string?)result["error"]);
        Assert.Contains("Megan Bowen", (string?)result["reply"], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_leader_sets_up_weekly_reflection_and_a_member_answers_the_prompt_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        await SayInTheTeamChannelAsync(playground, "help");
        var setUpScreenshot = Path.Combine(RepoPaths.Artefacts, "playground-reflection-setup.png");
        var answerScreenshot = Path.Combine(RepoPaths.Artefacts, "playground-reflection-answer.png");

        // The leader sets it up in General with the form as it comes: Mondays at 09:30, all six commitments.
        var setUp = await RunScriptAsync("playground-reflection-setup.js", [playground.Url, "Test Bot", setUpScreenshot]);

        Assert.True((bool?)setUp["ok"] == true, (string?)setUp["error"]);
        Assert.Contains("Prompts are posted on Mondays at 09:30", (string?)setUp["card"], StringComparison.Ordinal);

        // A schedule never sends a slot due before it was set up, so the first prompt would come next Monday. The
        // stored schedule (the only one in this host) is moved to a minute ago in UTC and dated an hour back: the
        // sweeper (every second here) and the prompt worker post the prompt in General within moments.
        var schedules = host.Services.GetRequiredService<IScheduleStore>();
        var created = Assert.Single(await schedules.ListAllAsync(default).ToListAsync());
        var due = DateTimeOffset.UtcNow.AddMinutes(-1);
        await schedules.UpdateAsync(
            created.TenantId,
            created.TeamId,
            current => current! with { Day = due.DayOfWeek, LocalTime = new TimeOnly(due.Hour, due.Minute), TimeZoneId = "Etc/UTC", CreatedAt = due.AddHours(-1) },
            default);

        // The browser opens only once the prompt is posted, so a slow machine shows which of the two was late. The
        // Playground hands what was posted while no browser was connected to the next browser, once (and a prompt
        // posted while the set-up page is still closing goes to that page): a retry of the script would wait for a
        // card it can never see, so before a retry the week's prompt is posted afresh. The schedule is marked as not
        // yet handled too, or the sweeper (rightly) never posts that week again.
        var storage = host.Services.GetRequiredService<ReflectionStorage>();
        await PromptPostedAsync(storage, created.TenantId);

        // The Playground's one user presses Answer and types half an answer; meanwhile someone else answers (the test,
        // through the bot's own service, when the script says it is half-way), so the prompt card is updated in place;
        // then the rest of the answer, a wellbeing score, anonymous as it comes. What was typed must all arrive.
        const string answer = "I listened properly when a family told me about their worries, and it helped.";
        var marker = Path.Combine(Path.GetTempPath(), $"kindnessbot-half-typed-{Guid.NewGuid():N}");
        using var done = new CancellationTokenSource();
        var meanwhile = AnswerWhenHalfTypedAsync(host, storage, created.TenantId, marker, done.Token);
        JObject answered;
        try
        {
            answered = await RunScriptAsync("playground-reflection-answer.js", [playground.Url, answer, answerScreenshot, marker], beforeRetry: async () =>
            {
                await DeleteAllAsync(storage.Answers);
                await DeleteAllAsync(storage.Slots);
                // The outbox keeps the week's prompt by its key (delivered once): without its row gone, the prompt
                // claimed afresh would be recorded as delivered already and never posted again.
                await DeleteAllAsync(host.Services.GetRequiredService<KindnessBot.Core.Delivery.DeliveryStorage>().Outbox, TableClient.CreateQueryFilter($"Kind eq {KindnessBot.Core.Reflection.PromptDelivery.Kind}"));
                await schedules.UpdateAsync(created.TenantId, created.TeamId, current => current! with { HandledThrough = null }, default);
                await PromptPostedAsync(storage, created.TenantId);
            });
        }
        finally
        {
            await done.CancelAsync();
            File.Delete(marker + ".done");
        }

        Assert.True(await meanwhile > 0, "someone else answered while the answer was half typed");
        Assert.True((bool?)answered["ok"] == true, (string?)answered["error"]);
        Assert.Equal(answer, (string?)answered["typed"]);
        Assert.Contains("2 people have reflected so far.", (string?)answered["card"], StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", (string?)answered["card"], StringComparison.Ordinal);
        Assert.Contains("Your answer is saved anonymously", (string?)answered["notice"], StringComparison.Ordinal);

        // Stored anonymously, whole: the text and the score, and nothing that says who gave them.
        var rows = await host.Services.GetRequiredService<ReflectionStorage>().Answers.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(2, rows.Count);
        var row = Assert.Single(rows, r => r.GetString("Text") == answer);
        Assert.True(row.GetBoolean("Anonymous"));
        Assert.False(row.ContainsKey("UserId"), "an anonymous answer must not keep the person's id");
        Assert.False(row.ContainsKey("UserName"), "an anonymous answer must not keep the person's name");
        Assert.Equal(4, row.GetInt32("Wellbeing"));
    }

    /// <summary>
    /// Issue 14: a person reports a blocker anonymously through the form (the Playground opens no dialogs, so the
    /// fallback sends it to their own chat), a leader marks it changed from the team's list, and the reporter's chat
    /// shows the news, delivered on the delivery path to an address only it can open.
    /// </summary>
    [BrowserFact]
    public async Task A_person_reports_a_blocker_anonymously_a_leader_marks_it_changed_and_the_reporter_hears_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        await SayInTheTeamChannelAsync(playground, "help");
        var screenshot = Path.Combine(RepoPaths.Artefacts, "playground-blocker.png");
        const string what = "The booking system won't let us move a family's visit at short notice";
        const string weDid = "Ward staff can now move a visit on the day";

        var result = await RunScriptAsync("playground-blocker.js", [playground.Url, "Test Bot", what, weDid, screenshot], beforeRetry: async () =>
            await DeleteAllAsync(host.Services.GetRequiredService<BlockerStorage>().Blockers));

        Assert.True((bool?)result["ok"] == true, (string?)result["error"]);
        Assert.True((bool?)result["anonymous"], "the form is anonymous as it comes");
        Assert.Contains("without your name", (string?)result["thanks"], StringComparison.Ordinal);
        Assert.Contains(what, (string?)result["list"], StringComparison.Ordinal);
        Assert.Contains("Reported anonymously on", (string?)result["respond"], StringComparison.Ordinal);
        Assert.Contains("It has changed. We did: " + weDid, (string?)result["news"], StringComparison.Ordinal);

        var blocker = Assert.Single(await host.Services.GetRequiredService<BlockerStorage>().Blockers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"blocker"}")).ToListAsync());
        Assert.Equal(what, blocker.GetString("What"));
        Assert.Equal("Changed", blocker.GetString("Status"));
        Assert.True(blocker.GetBoolean("Anonymous"));
        Assert.Null(blocker.GetString("ReporterId"));
        Assert.Null(blocker.GetString("ReporterName"));
        Assert.DoesNotContain("user-id-0", blocker.GetString("SealedAddress"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 15: the leader asks "how are we doing" in their own chat, chooses the team and sees the dashboard with its
    /// picture; the story of change opens with no console error and no request leaving the page, and the team's own
    /// words (a statement with a script in it) are shown as text. Both are saved as screenshots.
    /// </summary>
    [BrowserFact]
    public async Task A_leader_sees_how_the_team_is_doing_and_opens_the_story_of_change_in_the_Playground()
    {
        await using var playground = await StartPlaygroundAsync();
        await SayInTheTeamChannelAsync(playground, "help");
        var conversations = host.Services.GetRequiredService<KindnessBot.Core.Storage.StorageAccount>().Table(KindnessBot.Core.Conversations.ConversationStorage.TableName);
        var tenant = (await conversations.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"Channel"}")).FirstAsync()).GetString("TenantId");
        var team = (await host.Services.GetRequiredService<KindnessBot.Core.Conversations.IConversationStore>().ListTeamsAsync(tenant, default))[0];
        await SeedWeeksAsync(tenant, team.ScopeId);
        const string words = "<script>document.title = 'changed by a script'</script> We listen first, and we make time.";
        await host.Services.GetRequiredService<KindnessBot.Core.Listening.KindnessStatements>().WriteAsync(team, new KindnessBot.Core.People.Person("user-id-0", null, "Alex Wilber", tenant), words, default);
        var (card, story) = (Path.Combine(RepoPaths.Artefacts, "playground-learning-dashboard.png"), Path.Combine(RepoPaths.Artefacts, "story-of-change.png"));

        var result = await RunScriptAsync("playground-learning.js", [playground.Url, card, story, Path.Combine(RepoPaths.Artefacts, "playground-learning.png")]);

        Assert.True((bool?)result["ok"] == true, (string?)result["error"]);
        Assert.Contains("Recognitions given", (string?)result["card"], StringComparison.Ordinal);
        Assert.Contains("Recognitions given 28 (before: 14)", Regex.Replace((string?)result["card"] ?? "", @"\s+", " "), StringComparison.Ordinal); // seven a week: four weeks, then the two seeded before them
        Assert.Equal(Bot.Learning.DashboardChart.Width, (int?)result["chartWidth"]);
        Assert.Equal(200, (int?)result["status"]);
        Assert.Empty(result["consoleErrors"]!);
        Assert.Empty(result["requests"]!);
        Assert.Contains(words, (string?)result["story"], StringComparison.Ordinal);
        Assert.DoesNotContain("changed by a script", (string?)result["storyTitle"], StringComparison.Ordinal);
        Assert.Contains("our story of change", (string?)result["storyTitle"], StringComparison.Ordinal);
        Assert.True(new FileInfo(card).Length > 10_000 && new FileInfo(story).Length > 10_000, "the screenshots should show the card and the page");
    }

    /// <summary>Counts for the team's last six whole weeks, seven people a week: what the features would have counted.</summary>
    private async Task SeedWeeksAsync(string tenant, string teamId)
    {
        var monday = KindnessBot.Core.Measures.IsoWeeks.Start(KindnessBot.Core.Measures.IsoWeeks.Of(DateTimeOffset.UtcNow));
        var measures = new List<KindnessBot.Core.Measures.Measure>();
        for (var week = 1; week <= 6; week++)
        {
            var at = monday.AddDays(-7 * week).AddHours(10);
            foreach (var person in Enumerable.Range(0, 7).Select(i => $"29:seeded-{i}"))
            {
                string Id(string what) => $"{week}|{person}|{what}";
                measures.AddRange(
                [
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.Recognitions, Id("r"), at, PersonId: person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.RecognitionsFor(KindnessBot.Core.Commitments.Commitment.Listening), Id("r"), at, PersonId: person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.ReflectionAnswers, Id("a"), at, PersonId: person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.WellbeingScores, Id("a"), at, PersonId: person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.WellbeingTotal, Id("a"), at, 3 + (week % 3), person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.DecisionsWithStatement, Id("d"), at, PersonId: person),
                    new(tenant, teamId, KindnessBot.Core.Measures.Metrics.BlockersRaised, Id("b"), at, PersonId: person),
                ]);
            }

            measures.Add(new(tenant, teamId, KindnessBot.Core.Measures.Metrics.ReflectionPrompts, $"{week}", at));
            measures.Add(new(tenant, teamId, KindnessBot.Core.Measures.Metrics.BlockersChanged, $"{week}|changed", at));
            measures.Add(new(tenant, teamId, KindnessBot.Core.Measures.Metrics.ChangeDays(week * 2), $"{week}|changed", at));
        }

        var to = DateOnly.FromDateTime(monday.UtcDateTime).AddDays(-1);
        await host.Services.GetRequiredService<KindnessBot.Core.Learning.WeeklyAggregates>().ReplaceAsync(tenant, teamId, measures, to.AddDays(-7 * 8 + 1), to, default);
    }

    /// <summary>Each time the script says it is half-way (a retry says so again), another member answers; how many times.</summary>
    private static async Task<int> AnswerWhenHalfTypedAsync(PlaygroundHost host, ReflectionStorage storage, string tenantId, string marker, CancellationToken stop)
    {
        var answeredTimes = 0;
        while (!stop.IsCancellationRequested)
        {
            if (File.Exists(marker))
            {
                File.Delete(marker);
                var slot = (await new SlotStore(storage).ListAsync(tenantId, SlotState.Sent, default))[0];
                var other = new AnswerSubmit(tenantId, slot.Prompt.TeamId, slot.Prompt.TeamId, slot.Prompt.Week, "29:someone-else", "Someone Else", "We covered for each other.", null, Anonymous: true);
                await host.Services.GetRequiredService<ReflectionService>().AnswerAsync(other, default);
                await File.WriteAllTextAsync(marker + ".done", "answered", default);
                answeredTimes++;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return answeredTimes;
    }

    private static Task PromptPostedAsync(ReflectionStorage storage, string tenantId) =>
        Within.UntilAsync(
            TimeSpan.FromSeconds(60),
            async () => (await new SlotStore(storage).ListAsync(tenantId, SlotState.Sent, default)).Count > 0,
            "The sweeper and the prompt worker posting the due prompt to the Playground",
            TimeSpan.FromMilliseconds(200));

    private static async Task DeleteAllAsync(TableClient table, string? filter = null)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All);
        }
    }

    /// <summary>A message in the team's General channel, through the Playground's API, so the bot knows the team and its roster.</summary>
    /// <summary>
    /// Opens the team channel as the Playground's page does when a person first opens it (the Playground then installs
    /// the bot there, as Teams does when a team adds it), waits for the bot to have the team on record, and says
    /// <paramref name="text"/> there.
    /// </summary>
    private async Task SayInTheTeamChannelAsync(Playground playground, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(playground.Url) };
        using (var open = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
        {
            (await http.PostAsync("/_debug/conversation/team-id/installation", open)).EnsureSuccessStatusCode();
        }

        var conversations = host.Services.GetRequiredService<KindnessBot.Core.Storage.StorageAccount>().Table(KindnessBot.Core.Conversations.ConversationStorage.TableName);
        await Within.UntilAsync(
            TimeSpan.FromSeconds(30),
            async () => await conversations.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"Channel"} and IsRemoved eq {false}")).AnyAsync(),
            "The Playground installing the bot in its team");
        var bot = JObject.Parse(await http.GetStringAsync("/_internal/v1/config"))["config"]!["bot"]!;
        var mention = $"<at>{bot["name"]}</at>";
        var channelMessage = new JObject
        {
            ["from"] = new JObject { ["id"] = "user-id-0" },
            ["text"] = $"{mention} {text}",
            ["textFormat"] = "plain",
            ["mentions"] = new JArray(new JObject { ["mentioned"] = new JObject { ["id"] = bot["id"] }, ["text"] = mention }),
        };
        using var content = new StringContent(channelMessage.ToString(), System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/_conversation/v1/conversations/team-id/messages", content)).EnsureSuccessStatusCode();
    }

    private async Task<Playground> StartPlaygroundAsync()
    {
        var port = Loopback.FreePort();
        var workingDirectory = Directory.CreateTempSubdirectory("kindnessbot-playground-").FullName;
        var process = NodeProcess.Start(
            RepoPaths.RequireNodeTool("@microsoft/m365agentsplayground/cli.js"),
            ["-e", new Uri(host.Client.BaseAddress!, "api/messages").ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--disable-telemetry", "--service-url", $"http://127.0.0.1:{port}/_connector"],
            workingDirectory,
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none", ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true" });
        var listening = await process.WaitForOutputAsync(ListeningOn(), TimeSpan.FromSeconds(30));
        if (listening.Groups[1].Value != port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"The Playground took port {listening.Groups[1].Value} instead of {port}; its connector address would be wrong.");
        }

        return new Playground(process, $"http://127.0.0.1:{port}");
    }

    private static Task<JObject> RunBrowserAsync(string url, string conversation, string message, string expected, string screenshot) =>
        RunScriptAsync("playground-chat.js", [url, conversation, message, expected, screenshot]);

    /// <summary>
    /// Runs a browser script; on a machine busy with other test projects a first page load can miss its time limit,
    /// so a failed run is tried once more (each run starts a fresh Playground session) and both errors are kept.
    /// </summary>
    private static async Task<JObject> RunScriptAsync(string script, IReadOnlyList<string> arguments, Func<Task>? beforeRetry = null)
    {
        var errors = new List<string>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (attempt > 1 && beforeRetry is not null)
            {
                await beforeRetry();
            }

            JObject result;
            try
            {
                var run = await ExternalCommand.NodeAsync(
                    Path.Combine(RepoPaths.Root, "tests", "tools", script),
                    arguments,
                    new Dictionary<string, string?> { ["CHROMIUM_PATH"] = Chromium.Path },
                    TimeSpan.FromMinutes(2));
                var last = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                result = last is not null && last.StartsWith('{') ? JObject.Parse(last) : new JObject { ["ok"] = false, ["error"] = run.ToString() };
            }
            catch (TimeoutException timedOut)
            {
                // A script stopped at its limit is a failed attempt like any other: the second gets a fresh Playground.
                result = new JObject { ["ok"] = false, ["error"] = timedOut.Message };
            }

            if ((bool?)result["ok"] == true)
            {
                return result;
            }

            errors.Add($"attempt {attempt}: {result["error"]}");
            await File.AppendAllTextAsync(Path.Combine(RepoPaths.Artefacts, "playground-retries.log"), $"{DateTimeOffset.UtcNow:O} {script} {errors[^1]}\n");
        }

        return new JObject { ["ok"] = false, ["error"] = string.Join('\n', errors) };
    }


    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    private sealed record Playground(NodeProcess Process, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
