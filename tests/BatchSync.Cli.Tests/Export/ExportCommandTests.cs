using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Export;

public sealed class ExportCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "batchsync-cli-export-" + Guid.NewGuid().ToString("N"));
    private MariaDbServer _server = null!;
    private string _database = "";

    private Dictionary<string, string?> WithPassword => new() { ["MYSQL_PWD"] = MariaDbServer.RootPassword };

    private string Source => $"mysql://root@{_server.Host}:{_server.Port}/{_database}";

    public async Task InitializeAsync()
    {
        _server = await SharedMariaDb.GetAsync();
        _database = await SharedMariaDb.CreateDatabaseAsync("cli");
        await _server.ExecuteAsync("""
            CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), `bad.name` INT, d DATE);
            INSERT INTO users VALUES (1, 'a, "b"', 1, '2024-01-01'), (2, NULL, 2, NULL), (3, '', 3, '2024-12-31');
            """, _database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Export_writes_parts_schema_and_a_manifest_whose_hashes_match()
    {
        var (code, output, error) = await BatchSyncProcess.RunAsync(WithPassword, "export", Source, "users", "--out", _out, "--select", "id, name, d");

        Assert.True(code == 0, error);
        Assert.Contains("3 rows", output, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "export.json")))!;
        Assert.Equal(3, manifest["rows"]!.GetValue<long>());
        var part = manifest["parts"]!.AsArray().Single()!;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_out, part["file"]!.GetValue<string>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), part["sha256"]!.GetValue<string>());
        Assert.Equal(bytes.Length, part["compressed_bytes"]!.GetValue<long>());
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "schema.json")))!.AsArray();
        Assert.Equal(["id:INT64", "name:STRING", "d:DATE"], schema.Select(f => $"{f!["name"]}:{f["type"]}"));
        Assert.DoesNotContain(MariaDbServer.RootPassword, output + error + await File.ReadAllTextAsync(Path.Combine(_out, "export.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_the_uri_is_bad_usage_and_is_not_echoed()
    {
        var (code, _, error) = await BatchSyncProcess.RunAsync(new Dictionary<string, string?>(), "export", $"mysql://root:hunter2secret@{_server.Host}:{_server.Port}/{_database}", "users", "--out", _out);

        Assert.Equal(2, code);
        Assert.Contains("MYSQL_PWD", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_option_is_bad_usage()
    {
        var (code, _, _) = await BatchSyncProcess.RunAsync(WithPassword, "export", Source, "users");

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Help_teaches_by_example()
    {
        var (code, output, _) = await BatchSyncProcess.RunAsync(new Dictionary<string, string?>(), "export", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("MYSQL_PWD", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong password", "Access denied")]
    [InlineData("unknown table", "was not found")]
    [InlineData("bad where", "SQL syntax")]
    [InlineData("unreachable host", "connecting")]
    [InlineData("unmappable column", "bad.name")]
    [InlineData("impossible override", "'d'")]
    [InlineData("override of a missing column", "'nmae'")]
    public async Task A_failure_exits_1_with_a_clear_message_and_leaves_no_parts(string failure, string expected)
    {
        var password = WithPassword;
        var source = Source;
        var arguments = new List<string> { "users", "--out", _out };
        switch (failure)
        {
            case "wrong password": password["MYSQL_PWD"] = "not-the-password"; break;
            case "unknown table": arguments[0] = "no_such_table"; break;
            case "bad where": arguments.AddRange(["--where", "id = = 1"]); break;
            case "unreachable host": source = $"mysql://root@127.0.0.1:{ClosedPort()}/{_database}"; break;
            case "unmappable column": break;
            case "impossible override": arguments.AddRange(["--select", "id, d", "--type", "d=BOOL"]); break;
            case "override of a missing column": arguments.AddRange(["--select", "id, name", "--type", "nmae=JSON"]); break;
        }

        var (code, output, error) = await BatchSyncProcess.RunAsync(password, ["export", source, .. arguments]);

        Assert.True(code == 1, $"exit {code}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MariaDbServer.RootPassword, error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(_out) ? Directory.EnumerateFiles(_out, "part-*") : []);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
