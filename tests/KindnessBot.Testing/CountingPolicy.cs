using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace KindnessBot.Testing;

/// <summary>Counts the storage requests (transactions) a client makes, by table, so tests can hold a budget.</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Requests whose path mentions <paramref name="table"/> (a batch counts once).</summary>
    public int CountFor(string table) => _requests.Count(r => r.Contains(table, StringComparison.Ordinal));

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Request.Uri.Path;
        if (body.EndsWith("$batch", StringComparison.Ordinal) && message.Request.Content is not null)
        {
            using var buffer = new MemoryStream();
            message.Request.Content.WriteTo(buffer, default);
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var table = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("POST ", StringComparison.Ordinal) || l.StartsWith("PUT ", StringComparison.Ordinal) || l.StartsWith("MERGE ", StringComparison.Ordinal) || l.StartsWith("PATCH ", StringComparison.Ordinal));
            body += " " + table;
        }

        _requests.Enqueue($"{message.Request.Method} {body}");
    }
}
