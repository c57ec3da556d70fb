using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>What the source section says about TLS, CA bundles, RSA keys and IAM auth.</summary>
public class SourceSecurityTests
{
    private const string Tables = "tables: [ { table: t } ]\n";

    [Theory]
    [InlineData("verify-full", true)]
    [InlineData("verify-ca", true)]
    [InlineData("required", false)]
    public async Task A_missing_ca_bundle_is_an_error_exactly_when_tls_verifies_with_it(string tls, bool isError)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync($"source:\n  connection: secret:x\n  tls: {tls}\n  ca_bundle: certs/rds.pem\n" + Tables);

        var missing = result.Single(DiagnosticCodes.MissingFile);
        missing.AssertAt(4, 14);
        Assert.Equal(isError, missing.IsError);
    }

    [Fact]
    public async Task Paths_are_resolved_against_the_workflow_folder()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("certs/rds.pem", "bundle").With("keys/server.pem", "key");

        var result = await folder.LoadAsync("source:\n  connection: secret:x\n  tls: verify-full\n  ca_bundle: certs/rds.pem\n  server_public_key: keys/server.pem\n  allow_public_key_retrieval: true\n" + Tables);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(folder.PathOf("certs/rds.pem"), result.Workflow!.Source.CaBundle);
        Assert.Equal(folder.PathOf("keys/server.pem"), result.Workflow.Source.ServerPublicKey);
        Assert.True(result.Workflow.Source.AllowPublicKeyRetrieval);
    }

    [Fact]
    public async Task A_missing_pinned_server_key_is_an_error()
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync("source:\n  connection: secret:x\n  server_public_key: nope.pem\n" + Tables);

        Assert.True(result.Single(DiagnosticCodes.MissingFile).IsError);
    }

    [Theory]
    [InlineData("required")]
    [InlineData("preferred")]
    public async Task Iam_auth_needs_tls_that_verifies_the_server(string tls)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync($"source:\n  connection: secret:x\n  iam_auth: true\n  tls: {tls}\n" + Tables);

        Assert.True(result.Single(DiagnosticCodes.Conflict).IsError);
    }

    [Theory]
    [InlineData("db.internal", "preferred", "does not verify the server's certificate, and falls back to plain text")]
    [InlineData("db.internal", "required", "does not verify the server's certificate")]
    [InlineData("10.1.2.3", "disabled", "the connection to 10.1.2.3 does not verify")]
    public async Task A_remote_host_below_verify_ca_is_warned_about(string host, string tls, string expected)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync($"source:\n  host: {host}\n  user: etl\n  password: env:PW\n  tls: {tls}\n" + Tables);

        var warning = result.Single(DiagnosticCodes.WeakTls);
        Assert.False(warning.IsError);
        warning.AssertAt(5, 8);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains(host, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "preferred")]
    [InlineData("localhost", "disabled")]
    [InlineData("db.internal", "verify-full")]
    [InlineData("db.internal", "verify-ca")]
    public async Task Loopback_hosts_and_verified_tls_are_not_warned_about(string host, string tls)
    {
        var result = await TempWorkflowFolder.LoadOnlyAsync($"source:\n  host: {host}\n  user: etl\n  password: env:PW\n  tls: {tls}\n" + Tables);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.WeakTls);
    }
}
