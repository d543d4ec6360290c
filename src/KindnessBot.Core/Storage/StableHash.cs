namespace KindnessBot.Core.Storage;

/// <summary>A hash every instance agrees on (string.GetHashCode differs between processes), for spreading work over shards.</summary>
public static class StableHash
{
    public static uint Fnv1a(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
