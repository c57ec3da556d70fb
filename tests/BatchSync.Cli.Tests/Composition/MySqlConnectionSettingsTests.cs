using BatchSync.Composition;
using BatchSync.Composition.MySqlSource;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using BatchSync.MySql;

namespace BatchSync.Cli.Tests.Composition;

/// <summary>How a workflow's source becomes the MySQL client's options: IAM tokens, verified TLS, warnings.</summary>
public class MySqlConnectionSettingsTests
{
    private static readonly ConnectionParts Rds = new("shop.c9akciq32.eu-west-1.rds.amazonaws.com", 3306, "batchsync", new SecretValue("stored password"), "shop");

    [Fact]
    public void Iam_auth_signs_per_connection_over_clear_text_and_drops_the_stored_password()
    {
        var options = MySqlConnectionSettings.From(Rds, new SourceOptions(TlsMode.VerifyFull, "/certs/rds.pem", null) { IamAuth = true });

        Assert.Null(options.Password);
        Assert.NotNull(options.PasswordProvider);
        Assert.True(options.UseClearTextPassword);
        Assert.Equal(MySqlTlsMode.VerifyFull, options.TlsMode);
        Assert.Equal("/certs/rds.pem", options.CaBundlePath);
    }

    [Fact]
    public void Without_iam_auth_the_stored_password_is_used_and_key_settings_pass_through()
    {
        var options = MySqlConnectionSettings.From(Rds, new SourceOptions(TlsMode.VerifyCa, null, null) { AllowPublicKeyRetrieval = true, ServerPublicKey = "/keys/server.pem" });

        Assert.Equal("stored password", options.Password);
        Assert.Null(options.PasswordProvider);
        Assert.False(options.UseClearTextPassword);
        Assert.True(options.AllowPublicKeyRetrieval);
        Assert.Equal("/keys/server.pem", options.ServerRsaPublicKeyPath);
    }

    [Theory]
    [InlineData(TlsMode.Preferred, "shop.c9akciq32.eu-west-1.rds.amazonaws.com", true)]
    [InlineData(TlsMode.Required, "10.0.0.7", true)]
    [InlineData(TlsMode.VerifyFull, "shop.c9akciq32.eu-west-1.rds.amazonaws.com", false)]
    [InlineData(TlsMode.Preferred, "127.0.0.1", false)]
    public void A_resolved_remote_host_below_verify_ca_is_warned_about(TlsMode tls, string host, bool warned)
    {
        var warnings = new List<string>();

        MySqlConnectionSettings.From(Rds with { Host = host }, new SourceOptions(tls, null, null) { Warning = warnings.Add });

        Assert.Equal(warned, warnings.Count == 1);
        Assert.All(warnings, w => Assert.Contains(host, w, StringComparison.Ordinal));
    }
}
