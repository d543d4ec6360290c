using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Tests.Storage;

public class TableKeyTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2")]
    [InlineData("a:1xYz-_.~;messageid=123")]
    [InlineData("29:1AbCdEf")]
    public void Ordinary_Teams_ids_are_kept_as_they_are(string id) => Assert.Equal(id, TableKey.Encode(id));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b?c", "a%23b%3Fc")]
    [InlineData("50%", "50%25")]
    [InlineData("x|y", "x%7Cy")]
    [InlineData("tab\there", "tab%09here")]
    public void Characters_Table_Storage_forbids_are_escaped(string id, string expected) => Assert.Equal(expected, TableKey.Encode(id));

    [Theory]
    [InlineData("19:abc@thread.tacv2")]
    [InlineData("a/b\\c#d?e%f|g\u0001h\u007f")]
    [InlineData("%2F")]
    public void Encoding_is_reversible(string id) => Assert.Equal(id, TableKey.Decode(TableKey.Encode(id)));

    [Fact]
    public void Encoded_keys_never_contain_forbidden_characters()
    {
        var everything = new string(Enumerable.Range(0, 256).Select(i => (char)i).ToArray());
        var encoded = TableKey.Encode(everything[1..200]);
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void Composed_keys_cannot_be_confused_by_a_separator_inside_a_part()
    {
        Assert.NotEqual(TableKey.Compose("a|b", "c"), TableKey.Compose("a", "b|c"));
    }

    [Fact]
    public void An_overlong_id_is_refused_rather_than_written()
    {
        Assert.Throws<ArgumentException>(() => TableKey.Encode(new string('x', TableKey.MaxEncodedLength + 1)));
        Assert.Throws<ArgumentException>(() => TableKey.Encode(new string('/', TableKey.MaxEncodedLength / 3 + 1)));
    }

    [Fact]
    public void An_empty_id_is_refused() => Assert.ThrowsAny<ArgumentException>(() => TableKey.Encode(""));

    [Fact]
    public void A_prefix_query_covers_exactly_the_rows_starting_with_the_prefix_and_escapes_quotes()
    {
        Assert.Equal("PartitionKey eq 'o''brien' and RowKey ge 'c|' and RowKey lt 'c}'", TableKey.RowsStartingWith("o'brien", "c|"));
    }
}
