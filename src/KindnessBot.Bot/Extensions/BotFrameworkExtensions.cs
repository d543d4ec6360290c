using System.Net;
using KindnessBot.Bot.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

public static class BotFrameworkExtensions
{
    /// <summary>Bot Framework authentication, the adapter, and loopback-only listening when there are no credentials.</summary>
    public static IHostApplicationBuilder AddTeamsBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotCredentialsOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>();
        services.AddOptions<MessagesEndpointOptions>().BindConfiguration(MessagesEndpointOptions.Section);
        services.AddOptions<TenantOptions>().BindConfiguration(TenantOptions.Section);
        services.AddSingleton<TenantPolicy>();
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusedContractResolverAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<KindnessAdapter>();
        services.AddSingleton<MessagesEndpoint>();

        var credentials = builder.Configuration.Get<BotCredentialsOptions>() ?? new BotCredentialsOptions();
        if (!credentials.IsConfigured)
        {
            ListenOnLoopbackOnly(builder);
        }

        return builder;
    }

    /// <summary>
    /// Without credentials anyone who can reach the port could speak as Teams, so the host binds only to
    /// loopback, whatever addresses were configured, and says so.
    /// </summary>
    private static void ListenOnLoopbackOnly(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:3978";
        var loopback = string.Join(';', configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ToLoopback));
        builder.Configuration["urls"] = loopback;
        builder.Services.AddHostedService<StartupNotice>();
    }

    internal static string ToLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://127.0.0.1:3978";
        }

        var isLoopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return isLoopback ? url : $"{uri.Scheme}://127.0.0.1:{uri.Port}";
    }
}
