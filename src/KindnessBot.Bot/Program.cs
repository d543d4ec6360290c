using KindnessBot.Bot.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddKindnessStorage();
builder.AddTeamsBot();
builder.AddKindnessFeatures();
builder.AddKindnessTelemetry();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapBotMessages();
app.MapInformationPages();
app.MapAppraisalDownload();

app.Run();

/// <summary>The web host's entry point, public so integration tests can start it.</summary>
public partial class Program;
