using KindnessBot.Bot.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bench;

/// <summary>
/// The baseline: a bare Bot Framework echo bot, set up the way the SDK's samples do (CloudAdapter over
/// ConfigurationBotFrameworkAuthentication, adapter.ProcessAsync). It answers every message with a small card and
/// a text, like a help turn. "Tuned" adds only the shared contract resolver that KindnessBot uses.
/// </summary>
internal static class EchoBot
{
    private static readonly JObject Card = JObject.Parse("""
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Echo","size":"Large","weight":"Bolder"},
        {"type":"TextBlock","text":"You said something kind.","wrap":true}],"actions":[{"type":"Action.Submit","title":"Again","data":{"verb":"echo"}}]}
        """);

    public static async Task ServeAsync(int port, bool tuned)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var authentication = new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>());
            return tuned ? new ReusedContractResolverAuthentication(authentication) : authentication;
        });
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddSingleton<IBot, Echo>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(request, response, bot));
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
    }

    private sealed class Echo : ActivityHandler
    {
        protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var reply = MessageFactory.Attachment(new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = Card });
            reply.Text = "Echo: " + turnContext.Activity.Text;
            await turnContext.SendActivityAsync(reply, cancellationToken);
        }
    }
}
