using System.Globalization;
using System.Text;

namespace KindnessBot.Core.Storage;

/// <summary>
/// Turns ids that come from outside (tenant, conversation and user ids) into PartitionKey/RowKey values
/// that Table Storage accepts. Keys may not contain '/', '\', '#', '?' or control characters and are at
/// most 1 KiB. The encoding is reversible and readable: such characters, '%' and the part separator '|'
/// become '%' and two hex digits, as in a URL.
/// </summary>
public static class TableKey
{
    /// <summary>Longest encoded part this product writes; Azure allows 1 KiB for a whole key.</summary>
    public const int MaxEncodedLength = 400;

    private const char Separator = '|';

    public static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var encoded = value.Any(MustEscape) ? Escape(value) : value;
        if (encoded.Length > MaxEncodedLength)
        {
            throw new ArgumentException($"A key part may be at most {MaxEncodedLength} characters once encoded.", nameof(value));
        }

        return encoded;
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length)
            {
                builder.Append((char)int.Parse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes each part and joins them with '|', which never appears inside an encoded part.</summary>
    public static string Compose(params string[] parts) => string.Join(Separator, parts.Select(Encode));

    /// <summary>
    /// An OData filter (values escaped) for the rows of one partition whose RowKey starts with <paramref name="prefix"/>:
    /// a range query, from the prefix up to the prefix with its last character raised by one.
    /// </summary>
    public static string RowsStartingWith(string partitionKey, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {end}");
    }

    /// <summary>An OData filter (values escaped) for the rows of every partition whose key starts with <paramref name="prefix"/>.</summary>
    public static string PartitionsStartingWith(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {end}");
    }

    // Every character escaped here is at most U+00FF (control characters are U+0000-U+001F and U+007F-U+009F).
    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c);

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
