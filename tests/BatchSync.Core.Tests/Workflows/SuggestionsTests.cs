using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Tests.Workflows;

public class SuggestionsTests
{
    [Theory]
    [InlineData("taable", "table")]
    [InlineData("tabel", "table")]
    [InlineData("out_tabel", "out_table")]
    [InlineData("whre", "where")]
    [InlineData("Select", "select")]
    [InlineData("paralelism", "parallelism")]
    public void Finds_the_intended_key(string typed, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, ["table", "out_table", "where", "select", "parallelism", "partition"]));

    [Fact]
    public void Suggests_nothing_for_an_unrelated_word() =>
        Assert.Null(Suggestions.Closest("bananas", ["table", "where", "select"]));

    [Theory]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("table", "table", 0)]
    public void Distance_counts_transpositions_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.Distance(a, b));
}
