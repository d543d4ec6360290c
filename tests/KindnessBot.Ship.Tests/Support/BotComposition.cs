using KindnessBot.Bot.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KindnessBot.Ship.Tests.Support;

/// <summary>The bot's services as Program composes them (never started, storage never reached), to read what its modules declare.</summary>
internal static class BotComposition
{
    public static ServiceProvider Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", ["Reflection:AnswerSecret"] = Convert.ToBase64String(new byte[32]) });
        builder.AddKindnessBot();
        return builder.Services.BuildServiceProvider();
    }

    public static IReadOnlyList<Core.Storage.StorageDeclaration> DeclaredStorage()
    {
        using var services = Build();
        return [.. services.GetServices<Core.Storage.StorageDeclaration>()];
    }
}
