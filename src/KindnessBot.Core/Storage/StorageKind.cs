namespace KindnessBot.Core.Storage;

public enum StorageKind
{
    Table,
    Queue,
}
