using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Tests.Workflows;

public class ReferenceResolverTests
{
    private const string RdsSecret = """
        {"engine":"mysql","host":"shop.cluster-abc.ap-northeast-1.rds.amazonaws.com","port":3307,
         "username":"etl","password":"s3cr3t-Pa55","dbname":"shop","dbInstanceIdentifier":"shop-1"}
        """;

    private static ReferenceResolver Resolver(Dictionary<string, string>? secrets = null, Dictionary<string, string>? env = null) =>
        new(new FakeSecretSource(secrets ?? []), name => env?.GetValueOrDefault(name));

    [Fact]
    public async Task Resolves_literals_env_and_whole_secrets()
    {
        var resolver = Resolver(new() { ["token"] = "abc" }, new() { ["HOST"] = "db.local" });

        Assert.Equal("x", (await resolver.ResolveAsync(new LiteralValue("x"), CancellationToken.None)).Reveal());
        Assert.Equal("db.local", (await resolver.ResolveAsync(new EnvReference("HOST"), CancellationToken.None)).Reveal());
        Assert.Equal("abc", (await resolver.ResolveAsync(new SecretReference("token", null), CancellationToken.None)).Reveal());
    }

    [Fact]
    public async Task Picks_a_json_key_of_a_structured_secret_including_numbers()
    {
        var resolver = Resolver(new() { ["prod/shop/mysql"] = RdsSecret });

        Assert.Equal("s3cr3t-Pa55", (await resolver.ResolveAsync(new SecretReference("prod/shop/mysql", "password"), CancellationToken.None)).Reveal());
        Assert.Equal("3307", (await resolver.ResolveAsync(new SecretReference("prod/shop/mysql", "port"), CancellationToken.None)).Reveal());
    }

    [Fact]
    public async Task A_missing_json_key_names_the_keys_that_exist_but_no_values()
    {
        var resolver = Resolver(new() { ["prod/shop/mysql"] = RdsSecret });

        var error = await Assert.ThrowsAsync<ReferenceResolutionException>(
            async () => await resolver.ResolveAsync(new SecretReference("prod/shop/mysql", "pasword"), CancellationToken.None));
        Assert.Contains("has no key 'pasword'", error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_environment_variable_is_named()
    {
        var error = await Assert.ThrowsAsync<ReferenceResolutionException>(
            async () => await Resolver().ResolveAsync(new EnvReference("MYSQL_PASSWORD"), CancellationToken.None));
        Assert.Contains("MYSQL_PASSWORD is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_reference_without_a_store_says_how_to_configure_one()
    {
        var resolver = new ReferenceResolver(null, _ => null);
        var error = await Assert.ThrowsAsync<ReferenceResolutionException>(
            async () => await resolver.ResolveAsync(new SecretReference("a", null), CancellationToken.None));
        Assert.Contains("--secrets FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_secret_in_the_rds_shape_gives_every_part()
    {
        var source = new SourceSettings { Connection = new SecretReference("prod/shop/mysql", null) };

        var parts = await Resolver(new() { ["prod/shop/mysql"] = RdsSecret }).ResolveConnectionAsync(source, CancellationToken.None);

        Assert.Equal(("shop.cluster-abc.ap-northeast-1.rds.amazonaws.com", 3307, "etl", "shop"), (parts.Host, parts.Port, parts.User, parts.Database));
        Assert.Equal("s3cr3t-Pa55", parts.Password!.Reveal());
    }

    [Fact]
    public async Task Parts_set_next_to_the_connection_override_the_secret()
    {
        var source = new SourceSettings
        {
            Connection = new SecretReference("prod/shop/mysql", null),
            Database = new LiteralValue("shop_archive"),
            Host = new EnvReference("REPLICA_HOST"),
        };

        var parts = await Resolver(new() { ["prod/shop/mysql"] = RdsSecret }, new() { ["REPLICA_HOST"] = "replica.local" })
            .ResolveConnectionAsync(source, CancellationToken.None);

        Assert.Equal(("replica.local", 3307, "etl", "shop_archive"), (parts.Host, parts.Port, parts.User, parts.Database));
    }

    [Fact]
    public async Task Parts_alone_default_the_port()
    {
        var source = new SourceSettings
        {
            Host = new LiteralValue("127.0.0.1"),
            User = new LiteralValue("root"),
            Password = new EnvReference("PW"),
        };

        var parts = await Resolver(env: new() { ["PW"] = "pw" }).ResolveConnectionAsync(source, CancellationToken.None);

        Assert.Equal(("127.0.0.1", 3306, "root", null), (parts.Host, parts.Port, parts.User, parts.Database));
        Assert.Equal("pw", parts.Password!.Reveal());
    }

    [Fact]
    public async Task A_bad_port_is_an_error_without_the_value()
    {
        var source = new SourceSettings { Host = new LiteralValue("h"), User = new LiteralValue("u"), Port = new EnvReference("PORT") };
        var error = await Assert.ThrowsAsync<ReferenceResolutionException>(
            async () => await Resolver(env: new() { ["PORT"] = "33o6" }).ResolveConnectionAsync(source, CancellationToken.None));
        Assert.DoesNotContain("33o6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_secrets_file_serves_strings_and_objects()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, """{"slack": "https://hooks.example/T1/B2/x", "prod/shop/mysql": {"host": "h", "username": "u", "password": "p"}}""");
            var file = await LocalSecretsFile.LoadAsync(path, CancellationToken.None);
            var resolver = new ReferenceResolver(file, _ => null);

            Assert.Equal("https://hooks.example/T1/B2/x", (await resolver.ResolveAsync(new SecretReference("slack", null), CancellationToken.None)).Reveal());
            var parts = await resolver.ResolveConnectionAsync(new SourceSettings { Connection = new SecretReference("prod/shop/mysql", null) }, CancellationToken.None);
            Assert.Equal(("h", "u", "p"), (parts.Host, parts.User, parts.Password!.Reveal()));
            await Assert.ThrowsAsync<SecretNotFoundException>(async () => await file.GetSecretStringAsync("nope", CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
