using System.Text.Json.Nodes;
using BatchSync.Core.Workflows.References;
using BatchSync.Logging;

namespace BatchSync.Cli.Tests.Logging;

public sealed class CommandLogTests
{
    private sealed record Connection(string Host, SecretValue Password);

    [Fact]
    public void A_secret_is_redacted_however_it_is_captured_in_json_and_on_a_terminal()
    {
        var secret = new SecretValue("hunter2-very-secret");
        var json = new StringWriter();
        var readable = new StringWriter();

        foreach (var (log, _) in new[] { (CommandLog.Create(json, new StringWriter(), outputIsTerminal: false), json), (CommandLog.Create(new StringWriter(), readable, outputIsTerminal: true), readable) })
        {
            log.Information("scalar {password}", secret);
            log.Information("structure {@connection}", new Connection("db.internal", secret));
            log.ForContext("password", secret, destructureObjects: true).Information("context");
        }

        Assert.DoesNotContain("hunter2", json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", readable.ToString(), StringComparison.Ordinal);
        var lines = json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("***", lines[0]["password"]!.GetValue<string>());
        Assert.Equal("***", lines[1]["connection"]!["Password"]!.GetValue<string>());
        Assert.Equal("db.internal", lines[1]["connection"]!["Host"]!.GetValue<string>());
        Assert.Contains("INF scalar ***", readable.ToString(), StringComparison.Ordinal);
    }
}
