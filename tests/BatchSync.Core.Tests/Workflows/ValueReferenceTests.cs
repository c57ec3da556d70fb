using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Tests.Workflows;

public class ValueReferenceTests
{
    [Fact]
    public void Parses_a_secret_with_and_without_a_json_key()
    {
        Assert.Equal(new SecretReference("prod/shop/mysql", null), ValueReference.Parse("secret:prod/shop/mysql", out _));
        Assert.Equal(new SecretReference("prod/shop/mysql", "password"), ValueReference.Parse("secret:prod/shop/mysql#password", out _));
        Assert.Equal(
            new SecretReference("arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:shop-AbCdEf", null),
            ValueReference.Parse("secret:arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:shop-AbCdEf", out _));
    }

    [Fact]
    public void Parses_env_and_literals()
    {
        Assert.Equal(new EnvReference("MYSQL_HOST"), ValueReference.Parse("env:MYSQL_HOST", out _));
        Assert.Equal(new LiteralValue("db.internal"), ValueReference.Parse("db.internal", out _));
    }

    [Theory]
    [InlineData("secret:", "has no id")]
    [InlineData("secret:#password", "has no id")]
    [InlineData("secret:prod/shop#", "json key after '#' is empty")]
    [InlineData("secret:prod shop", "not a valid secret id")]
    [InlineData("env:", "not a valid environment reference")]
    [InlineData("env:1ABC", "not a valid environment reference")]
    [InlineData("env:MY-VAR", "not a valid environment reference")]
    public void Rejects_malformed_references(string text, string expected)
    {
        Assert.Null(ValueReference.Parse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void References_print_as_written()
    {
        Assert.Equal("secret:a/b#k", new SecretReference("a/b", "k").ToString());
        Assert.Equal("env:X", new EnvReference("X").ToString());
    }
}
