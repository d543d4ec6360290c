using KindnessBot.Bot.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddKindnessBot();

var app = builder.Build();
app.MapKindnessBot();
app.Run();

/// <summary>The web host's entry point, public so integration tests can start it.</summary>
public partial class Program;
