using System.Net.Http.Json;
using KindnessBot.Core.Reflection;

namespace KindnessBot.FanOutBench;

/// <summary>
/// Posts a prompt as the bot would (POST /v3/conversations/{id}/activities), with a plain text body instead of
/// the card, and turns the answer into an outcome. No retries here: the worker retries through the queue.
/// </summary>
internal sealed class HttpPromptSender(HttpClient http, Uri serviceUrl) : IPromptSender
{
    public async Task<SendOutcome> SendAsync(PromptMessage prompt, CancellationToken cancellationToken)
    {
        var uri = new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(prompt.ConversationId)}/activities");
        using var response = await http.PostAsJsonAsync(uri, new { type = "message", text = prompt.QuestionText }, cancellationToken);
        var status = (int)response.StatusCode;
        switch (SendOutcome.Classify(status))
        {
            case SendResult.Sent:
                var body = await response.Content.ReadFromJsonAsync<Created>(cancellationToken);
                return SendOutcome.Delivered(body?.Id ?? "");
            case SendResult.Transient:
                return SendOutcome.TryLater($"HTTP {status}", response.Headers.RetryAfter?.Delta);
            default:
                return SendOutcome.GiveUp($"HTTP {status}");
        }
    }

    private sealed record Created(string Id);
}
