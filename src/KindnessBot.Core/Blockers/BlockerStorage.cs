using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Blockers;

/// <summary>The blockers feature's one table, named in one place and kept in the product's <see cref="StorageAccount"/>.</summary>
public sealed class BlockerStorage
{
    public const string BlockersName = "Blockers";
    private const string Feature = "Blockers";

    /// <summary>What the feature keeps. Its news for reporters goes through the delivery path's queues.</summary>
    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(BlockersName, Feature)];

    private readonly StorageAccount _account;

    public BlockerStorage(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        Blockers = account.Table(BlockersName);
    }

    /// <summary>Blockers, each team's index, "affects me too" tags and each person's list (<see cref="BlockerKeys"/>).</summary>
    public TableClient Blockers { get; }

    public Task CreateAllAsync(CancellationToken cancellationToken) => _account.CreateAsync(Declared, cancellationToken);
}
