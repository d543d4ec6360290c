using Azure.Monitor.OpenTelemetry.AspNetCore;
using KindnessBot.Bot.Hosting;
using OpenTelemetry.Trace;

namespace KindnessBot.Bot.Extensions;

public static class TelemetryExtensions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Traces, metrics and logs to Application Insights through OpenTelemetry, when a connection string is configured
    /// (the deployment sets it). Without one, nothing is exported.
    /// </summary>
    public static IHostApplicationBuilder AddKindnessTelemetry(this IHostApplicationBuilder builder)
    {
        // Registered first, so it runs before whatever exports spans (Azure Monitor here, anything a test adds).
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new TelemetryRedaction()));
        var connectionString = builder.Configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddOpenTelemetry().UseAzureMonitor(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = null; // the connection string's key authenticates ingestion
            });
        }

        return builder;
    }
}
