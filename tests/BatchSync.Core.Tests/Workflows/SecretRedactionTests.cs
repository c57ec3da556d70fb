using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>A resolved secret must never show up in ToString, exception messages or exception chains.</summary>
public class SecretRedactionTests
{
    private const string Password = "Tr0ub4dor&3-horse";

    [Fact]
    public void SecretValue_prints_redacted_in_every_formatting_path()
    {
        var secret = new SecretValue(Password);

        Assert.Equal("***", secret.ToString());
        Assert.Equal("***", $"{secret}");
        Assert.Equal("pw=***", string.Format(System.Globalization.CultureInfo.InvariantCulture, "pw={0}", secret));
        Assert.Equal(Password, secret.Reveal());
    }

    [Fact]
    public async Task Resolved_connection_parts_print_without_the_password()
    {
        var resolver = new ReferenceResolver(
            new FakeSecretSource(new() { ["db"] = $$"""{"host":"h","username":"u","password":"{{Password}}"}""" }), _ => null);

        var parts = await resolver.ResolveConnectionAsync(new SourceSettings { Connection = new SecretReference("db", null) }, CancellationToken.None);

        Assert.DoesNotContain(Password, parts.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", parts.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> SecretsThatFailToResolve => new()
    {
        // Not JSON at all: the parser's own message would quote the text.
        { Password, "password" },
        { $"{{\"password\": \"{Password}\"", "password" },
        // JSON, but not an object.
        { $"[\"{Password}\"]", "password" },
        { $"\"{Password}\"", "password" },
        // An object without the key.
        { $"{{\"pass\": \"{Password}\"}}", "password" },
        // A connection secret that is not JSON.
        { Password, null },
        { $"{{\"host\": \"{Password}\"", null },
    };

    [Theory]
    [MemberData(nameof(SecretsThatFailToResolve))]
    public async Task Failures_never_quote_the_secret(string secretText, string? jsonKey)
    {
        var resolver = new ReferenceResolver(new FakeSecretSource(new() { ["db"] = secretText }), _ => null);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            if (jsonKey is null)
            {
                await resolver.ResolveConnectionAsync(new SourceSettings { Connection = new SecretReference("db", null) }, CancellationToken.None);
            }
            else
            {
                await resolver.ResolveAsync(new SecretReference("db", jsonKey), CancellationToken.None);
            }
        });

        Assert.IsType<ReferenceResolutionException>(error);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub", error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_broken_secrets_file_is_reported_without_its_content()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, $"{{\"db\": {Password}}}");
            var error = await Assert.ThrowsAsync<ReferenceResolutionException>(async () => await LocalSecretsFile.LoadAsync(path, CancellationToken.None));
            Assert.DoesNotContain("Tr0ub", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_inline_password_is_an_error_that_does_not_repeat_it()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync($"""
            source:
              host: db
              user: etl
              password: "{Password}"
            tables:
              - table: users
            """);

        Assert.False(result.IsValid);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("Tr0ub", d.ToString(), StringComparison.Ordinal));
    }
}
