using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>Login exchanges against a scripted server that follows the documented caching_sha2_password protocol.</summary>
public sealed class AuthenticationExchangeTests
{
    private const string Password = "correct horse";

    [Fact]
    public async Task Caching_sha2_fast_path_succeeds_with_a_correct_scramble()
    {
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.Equal("caching_sha2_password", response.AuthPlugin);
            Assert.Equal("app", response.User);
            Assert.Equal("shop", response.Database);
            Assert.Equal(ExpectedSha2Scramble(Password, connection.Nonce), response.AuthResponse);
            await connection.WritePacketAsync([0x01, 0x03]);
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        });

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port, "shop"), CancellationToken.None))
        {
            Assert.False(client.IsMariaDb);
            Assert.Equal("8.0.36-fake", client.ServerVersion);
            Assert.Equal(77u, client.ConnectionId);
        }

        await server.Completion;
    }

    [Fact]
    public async Task Caching_sha2_full_authentication_over_plain_tcp_uses_the_servers_rsa_key_when_allowed()
    {
        using var rsa = RSA.Create(2048);
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.False(response.OverTls);
            await connection.WritePacketAsync([0x01, 0x04]);
            Assert.Equal([0x02], await connection.ExpectPacketAsync());
            await connection.WritePacketAsync([0x01, .. Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem())]);
            var encrypted = await connection.ExpectPacketAsync();
            var plain = rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA1);
            var nonce = connection.Nonce;
            var password = plain.Select((b, i) => (byte)(b ^ nonce[i % nonce.Length])).ToArray();
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], password);
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        });

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port) with { AllowPublicKeyRetrieval = true }, CancellationToken.None))
        {
            Assert.False(client.IsEncrypted);
        }

        await server.Completion;
    }

    [Fact]
    public async Task Caching_sha2_full_authentication_over_tls_sends_the_password()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.True(response.OverTls);
            await connection.WritePacketAsync([0x01, 0x04]);
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], await connection.ExpectPacketAsync());
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        }, certificate: certificate);

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port, tlsMode: MySqlTlsMode.Required), CancellationToken.None))
        {
            Assert.True(client.IsEncrypted);
        }

        await server.Completion;
    }

    [Fact]
    public async Task Wrong_password_on_the_fast_path_is_the_servers_access_denied()
    {
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.Equal(ExpectedSha2Scramble("not the password", connection.Nonce), response.AuthResponse);
            await connection.WriteErrorAsync(1045, "28000", "Access denied for user 'app'@'localhost' (using password: YES)");
        });

        var error = await Assert.ThrowsAsync<MySqlServerException>(() => MySqlConnection.OpenAsync(Options(server.Port, password: "not the password"), CancellationToken.None));

        await server.Completion;
        Assert.Equal(1045, error.ErrorCode);
        Assert.Equal("28000", error.SqlState);
    }

    [Fact]
    public async Task Auth_switch_to_native_password_answers_with_the_new_nonce()
    {
        var switchNonce = RandomNumberGenerator.GetBytes(20);
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.Equal("caching_sha2_password", response.AuthPlugin);
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("mysql_native_password\0"), .. switchNonce, 0]);
            Assert.Equal(ExpectedNativeScramble(Password, switchNonce), await connection.ExpectPacketAsync());
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        });

        await using (await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
        }

        await server.Completion;
    }

    [Theory]
    [InlineData(MySqlTlsMode.Disabled)]
    [InlineData(MySqlTlsMode.Preferred)]
    [InlineData(MySqlTlsMode.Required)]
    public void Clear_text_password_is_refused_unless_tls_verifies_the_server(MySqlTlsMode mode)
    {
        var error = Assert.Throws<ArgumentException>(() => Options(1, tlsMode: mode, clearText: true).Validate());

        Assert.Contains("VerifyCa or VerifyFull", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_text_password_is_sent_over_verified_tls_when_enabled()
    {
        using var certificate = SelfSignedCertificate();
        using var ca = new TemporaryPem(certificate.ExportCertificatePem());
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("mysql_clear_password\0")]);
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], await connection.ExpectPacketAsync());
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        }, certificate: certificate);

        var options = Options(server.Port, tlsMode: MySqlTlsMode.VerifyCa, clearText: true) with { CaBundlePath = ca.Path };
        await using (var client = await MySqlConnection.OpenAsync(options, CancellationToken.None))
        {
            Assert.True(client.IsEncrypted);
        }

        await server.Completion;
    }

    [Fact]
    public async Task Clear_text_password_needs_the_option_even_over_tls()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("mysql_clear_password\0")]);
            Assert.Null(await connection.ReadPacketAsync());
        }, certificate: certificate);

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port, tlsMode: MySqlTlsMode.Required), CancellationToken.None));

        Assert.Contains("clear-text password option", error.Message, StringComparison.Ordinal);
        await server.Completion;
    }

    [Fact]
    public async Task Unknown_plugin_is_named_in_the_error()
    {
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("auth_gssapi_client\0"), 1, 2, 3]);
            Assert.Null(await connection.ReadPacketAsync());
        });

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None));

        Assert.Contains("'auth_gssapi_client'", error.Message, StringComparison.Ordinal);
        await server.Completion;
    }

    [Fact]
    public async Task Session_setup_statements_follow_the_login_and_dispose_says_quit()
    {
        List<string> queries = [];
        var quit = false;
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
            queries = connection.Queries;
            quit = connection.QuitReceived;
        });

        await using (await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
        }

        await server.Completion;
        Assert.Equal(
            [
                "SET NAMES utf8mb4, time_zone = '+00:00', sql_mode = 'NO_ENGINE_SUBSTITUTION', net_write_timeout = 3600, net_read_timeout = 3600, " +
                "max_execution_time = 0, information_schema_stats_expiry = 0",
                "SET SESSION TRANSACTION READ ONLY",
            ],
            queries);
        Assert.True(quit, "Disposing the connection sends COM_QUIT.");
    }

    [Theory]
    [InlineData("5.5.5-10.11.6-MariaDB-0+deb12u1", "max_statement_time = 0")]
    [InlineData("5.7.44-log", "max_execution_time = 0")]
    [InlineData("8.0.mysql_aurora.3.05.2", "max_execution_time = 0, information_schema_stats_expiry = 0")]
    [InlineData("8.4.3", "max_execution_time = 0, information_schema_stats_expiry = 0")]
    public async Task Session_settings_follow_the_server_flavour(string version, string flavourSettings)
    {
        List<string> queries = [];
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
            queries = connection.Queries;
        }, serverVersion: version);

        await using (await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
        }

        await server.Completion;
        Assert.Equal(
            "SET NAMES utf8mb4, time_zone = '+00:00', sql_mode = 'NO_ENGINE_SUBSTITUTION', net_write_timeout = 3600, net_read_timeout = 3600, " + flavourSettings,
            queries[0]);
    }

    internal static MySqlConnectionOptions Options(int port, string? database = null, MySqlTlsMode tlsMode = MySqlTlsMode.Disabled, bool clearText = false, string password = Password) => new()
    {
        Host = IPAddress.Loopback.ToString(),
        Port = port,
        User = "app",
        Password = password,
        Database = database,
        TlsMode = tlsMode,
        UseClearTextPassword = clearText,
        // Generous: on a loaded test machine an RSA exchange alone can take seconds; a refusal fails fast regardless.
        ConnectTimeout = TimeSpan.FromSeconds(60),
        ReadTimeout = TimeSpan.FromSeconds(60),
    };

    internal static byte[] ExpectedSha2Scramble(string password, byte[] nonce)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var mask = SHA256.HashData([.. SHA256.HashData(hash), .. nonce]);
        return hash.Select((b, i) => (byte)(b ^ mask[i])).ToArray();
    }

    private static byte[] ExpectedNativeScramble(string password, byte[] nonce)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(password));
        var mask = SHA1.HashData([.. nonce, .. SHA1.HashData(hash)]);
        return hash.Select((b, i) => (byte)(b ^ mask[i])).ToArray();
    }

    internal static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=fake-mysql", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
