using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Tests.Schema;

public class SqlIdentifierTests
{
    [Theory]
    [InlineData("users", "`users`")]
    [InlineData("we`ird", "`we``ird`")]
    [InlineData("日本", "`日本`")]
    public void Identifiers_are_backtick_quoted_with_backticks_doubled(string name, string quoted)
        => Assert.Equal(quoted, SqlIdentifier.Quote(name));

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void Impossible_identifiers_are_refused(string name)
        => Assert.Throws<ArgumentException>(() => SqlIdentifier.Quote(name));
}
