using System.Collections.Concurrent;
using System.Diagnostics;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>Records every span as an exporter would receive it: after the host's own processors.</summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    public ConcurrentQueue<string> Spans { get; } = new();

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Spans.Enqueue(data.DisplayName + " " + string.Join(' ', data.TagObjects.Select(t => $"{t.Key}={t.Value}")));
    }
}

/// <summary>The reflection host with tracing on, as in Azure: incoming requests, outgoing HTTP (Teams and storage).</summary>
public sealed class TracedReflectionHost : ReflectionHost
{
    public TracedReflectionHost()
        : base(services => services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddProcessor(Recorder)))
    {
    }

    public static SpanRecorder Recorder { get; } = new();
}

/// <summary>An anonymous answer leaves nothing in the telemetry that says who gave it.</summary>
public class AnonymousTelemetryTests(TracedReflectionHost reflection) : IClassFixture<TracedReflectionHost>
{
    [Fact]
    public async Task The_spans_of_an_anonymous_answer_hold_no_id_name_or_chat_of_the_person()
    {
        var host = reflection.Host;
        await host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        reflection.Time.Advance(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        await reflection.SweepAndSendAsync();
        var prompt = reflection.Prompt()!;
        TracedReflectionHost.Recorder.Spans.Clear();

        await host.SubmitAsync(ReflectionHost.Answer(prompt, "A hard week; the team carried me.", "2"), "29:p07", inChannel: true);

        // The thanks went to the person's own chat, through the connector: the very call that used to name that chat.
        Assert.Contains(host.Connector.Sent, s => s.ConversationId == TeamsActivities.PersonalConversationId("29:p07"));
        await Within.UntilAsync(TimeSpan.FromSeconds(10), () => TracedReflectionHost.Recorder.Spans.Any(s => s.Contains("/v3/conversations/{id}", StringComparison.Ordinal)), "A span of the connector call, redacted");
        var spans = string.Join('\n', TracedReflectionHost.Recorder.Spans);
        string[] personal = ["29:p07", "Person 7", TeamsActivities.PersonalConversationId("29:p07")];
        foreach (var value in personal.SelectMany(v => new[] { v, Uri.EscapeDataString(v), Core.Storage.TableKey.Encode(v) }))
        {
            Assert.DoesNotContain(value, spans, StringComparison.OrdinalIgnoreCase);
        }
    }
}
