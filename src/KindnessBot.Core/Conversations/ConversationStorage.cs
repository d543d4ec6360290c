using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Conversations;

/// <summary>Where the conversations the bot is in are kept.</summary>
public static class ConversationStorage
{
    public const string TableName = "Conversations";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Conversations")];
}
