using KindnessBot.Bot.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Tests.Hosting;

public class ConfigurationTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public void Without_credentials_the_host_says_at_start_up_that_it_is_local_development_on_loopback()
    {
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("No bot credentials are configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000")]
    [InlineData("http://+:80", "http://127.0.0.1:80")]
    [InlineData("https://kindnessbot.example.com:443", "https://127.0.0.1:443")]
    [InlineData("http://127.0.0.1:3978", "http://127.0.0.1:3978")]
    [InlineData("http://localhost:3978", "http://localhost:3978")]
    [InlineData("http://[::1]:3978", "http://[::1]:3978")]
    public void Without_credentials_every_listening_address_becomes_loopback(string configured, string expected) =>
        Assert.Equal(expected, BotFrameworkExtensions.ToLoopback(configured));

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "MicrosoftAppType", "MultiTenant", "MicrosoftAppType must be SingleTenant or UserAssignedMSI" },
        { "MicrosoftAppId", "not-a-guid", "MicrosoftAppId must be the bot's application (client) id" },
        { "MicrosoftAppPassword", "", "A SingleTenant bot needs MicrosoftAppPassword" },
        { "Storage:ConnectionString", "", "Set Storage:ConnectionString (local development) or Storage:TableEndpoint" },
        { "Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix is up to 20 letters and digits" },
        { "Reflection:AnswerSecret", "", "Set Reflection:AnswerSecret to at least 32 random bytes" },
        { "Reflection:AnswerSecret", "c2hvcnQ=", "Set Reflection:AnswerSecret to at least 32 random bytes" },
        { "Privacy:Secret", "c2hvcnQ=", "Set Privacy:Secret to at least 32 random bytes" },
        { "Reflection:SweepInterval", "00:00:00.010", "Reflection:SweepInterval must be from 1 second to 15 minutes" },
        { "Appraisal:LinkSigningKey", "c2hvcnQ=", "Appraisal:LinkSigningKey must be at least 32 random bytes" },
        { "Appraisal:LinkSigningKey", "not base64!", "Appraisal:LinkSigningKey must be at least 32 random bytes" },
        { "Links:SigningKey", "c2hvcnQ=", "Links:SigningKey must be at least 32 random bytes" },
        { "Retention:Period", "1.00:00:00", "Retention:Period must be from 30 days to 10 years" },
        { "Retention:AuditPeriod", "100.00:00:00", "Retention:AuditPeriod must be at least Retention:Period" },
        { "Retention:BatchSize", "1000", "Retention:BatchSize must be from 1 to 100" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task The_host_refuses_to_start_with_settings_that_cannot_work_and_says_why(string key, string value, string expectedMessage)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = host.Azurite.ConnectionString,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            ["MicrosoftAppTenantId"] = "f0e1d2c3-b4a5-4697-8899-aabbccddeeff",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["Reflection:AnswerSecret"] = Convert.ToBase64String(new byte[32]),
            [key] = value,
        };
        // Started directly rather than through WebApplicationFactory, whose deferred host can report a failed
        // start as ObjectDisposedException instead of the start-up error (seen once in CI).
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddKindnessBot();
        await using var app = builder.Build();
        app.MapKindnessBot();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expectedMessage, failure.Message, StringComparison.Ordinal);
    }
}

public class TelemetryTests
{
    [Fact]
    public void With_an_Application_Insights_connection_string_traces_metrics_and_logs_are_exported_through_OpenTelemetry()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExtensions.ConnectionStringKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/",
        });

        builder.AddKindnessTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.NotNull(services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.Contains(services.GetServices<ILoggerProvider>(), p => p.GetType().Name.Contains("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_exported()
    {
        var builder = WebApplication.CreateBuilder();

        builder.AddKindnessTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Null(services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }
}
