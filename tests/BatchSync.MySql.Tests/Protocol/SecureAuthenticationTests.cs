using System.Security.Cryptography;
using System.Text;
using static BatchSync.MySql.Tests.Protocol.AuthenticationExchangeTests;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>
/// The attacks a scripted server can stage against the login: stripping TLS from the greeting, answering a key request
/// with its own RSA key, asking for the password in clear. Each is refused before the password leaves in a readable form.
/// </summary>
public sealed class SecureAuthenticationTests
{
    private const string Password = "correct horse";

    [Fact]
    public async Task Caching_sha2_key_retrieval_over_plain_tcp_is_refused_by_default_and_names_the_settings()
    {
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0x01, 0x04]);
            Assert.Null(await connection.ReadPacketAsync());
        });

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None));

        await server.Completion;
        Assert.Contains("allow_public_key_retrieval", error.Message, StringComparison.Ordinal);
        Assert.Contains("server_public_key", error.Message, StringComparison.Ordinal);
        Assert.Contains("verify-full", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downgraded_preferred_connection_warns_with_the_host_and_still_refuses_key_retrieval()
    {
        // A man in the middle clears the SSL capability: the server looks as if it offered no TLS at all.
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, response) =>
        {
            Assert.False(response.OverTls);
            await connection.WritePacketAsync([0x01, 0x04]);
            Assert.Null(await connection.ReadPacketAsync());
        });
        var warnings = new List<string>();

        await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(
            Options(server.Port, tlsMode: MySqlTlsMode.Preferred) with { Warning = warnings.Add }, CancellationToken.None));

        await server.Completion;
        var warning = Assert.Single(warnings);
        Assert.Contains($"127.0.0.1:{server.Port}", warning, StringComparison.Ordinal);
        Assert.Contains("does not offer TLS", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MySqlTlsMode.Required)]
    [InlineData(MySqlTlsMode.VerifyFull)]
    public async Task A_downgrade_is_refused_before_any_login_when_tls_is_required(MySqlTlsMode mode)
    {
        await using var server = FakeMySqlServer.Start("caching_sha2_password", (_, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port, tlsMode: mode), CancellationToken.None));

        Assert.Contains("does not offer it", error.Message, StringComparison.Ordinal);
        var serverSide = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Completion);
        Assert.Contains("closed the connection", serverSide.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_server_key_encrypts_the_password_without_asking_the_server()
    {
        using var rsa = RSA.Create(2048);
        using var pinned = new TemporaryPem(rsa.ExportSubjectPublicKeyInfoPem());
        await using var server = FakeMySqlServer.Start("caching_sha2_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0x01, 0x04]);
            var encrypted = await connection.ExpectPacketAsync();
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], Unmask(rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA1), connection.Nonce));
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        });

        await using (await MySqlConnection.OpenAsync(Options(server.Port) with { ServerRsaPublicKeyPath = pinned.Path }, CancellationToken.None))
        {
        }

        await server.Completion;
    }

    [Fact]
    public async Task Sha256_password_over_tls_sends_the_password_inside_tls()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, response) =>
        {
            Assert.True(response.OverTls);
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("sha256_password\0"), .. connection.Nonce, 0]);
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], await connection.ExpectPacketAsync());
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        }, certificate: certificate);

        await using (await MySqlConnection.OpenAsync(Options(server.Port, tlsMode: MySqlTlsMode.Required), CancellationToken.None))
        {
        }

        await server.Completion;
    }

    [Fact]
    public async Task Sha256_password_without_tls_asks_for_the_key_only_when_allowed()
    {
        using var rsa = RSA.Create(2048);
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("sha256_password\0"), .. connection.Nonce, 0]);
            Assert.Equal([0x01], await connection.ExpectPacketAsync());
            await connection.WritePacketAsync([0x01, .. Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem())]);
            var encrypted = await connection.ExpectPacketAsync();
            Assert.Equal([.. Encoding.UTF8.GetBytes(Password), 0], Unmask(rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA1), connection.Nonce));
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync();
        });

        await using (await MySqlConnection.OpenAsync(Options(server.Port) with { AllowPublicKeyRetrieval = true }, CancellationToken.None))
        {
        }

        await server.Completion;
    }

    [Fact]
    public async Task Sha256_password_without_tls_is_refused_by_default()
    {
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("sha256_password\0"), .. connection.Nonce, 0]);
            Assert.Null(await connection.ReadPacketAsync());
        });

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None));

        await server.Completion;
        Assert.Contains("sha256_password", error.Message, StringComparison.Ordinal);
        Assert.Contains("allow_public_key_retrieval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MariaDb_ed25519_accounts_get_a_clear_unsupported_message()
    {
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("client_ed25519\0"), .. connection.Nonce, .. connection.Nonce[..12], 0]);
            Assert.Null(await connection.ReadPacketAsync());
        }, serverVersion: "5.5.5-10.11.6-MariaDB");

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None));

        await server.Completion;
        Assert.Contains("ed25519", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not support", error.Message, StringComparison.Ordinal);
        Assert.Contains("mysql_native_password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_provider_signs_a_fresh_token_per_connection_and_the_password_is_ignored()
    {
        using var certificate = SelfSignedCertificate();
        using var ca = new TemporaryPem(certificate.ExportCertificatePem());
        var issued = 0;
        var received = new List<string>();
        var options = Options(0, tlsMode: MySqlTlsMode.VerifyCa, clearText: true) with
        {
            CaBundlePath = ca.Path,
            Password = "static password",
            PasswordProvider = _ => ValueTask.FromResult($"token-{++issued}"),
        };

        for (var i = 0; i < 2; i++)
        {
            // RDS answers an IAM account's login with a switch to mysql_clear_password.
            await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, response) =>
            {
                Assert.True(response.OverTls);
                await connection.WritePacketAsync([0xfe, .. Encoding.ASCII.GetBytes("mysql_clear_password\0")]);
                var token = await connection.ExpectPacketAsync();
                Assert.Equal(0, token[^1]);
                received.Add(Encoding.UTF8.GetString(token, 0, token.Length - 1));
                await connection.WriteOkAsync();
                await connection.ServeCommandsAsync();
            }, certificate: certificate);

            await using (await MySqlConnection.OpenAsync(options with { Port = server.Port }, CancellationToken.None))
            {
            }

            await server.Completion;
        }

        Assert.Equal(["token-1", "token-2"], received);
    }

    private static byte[] Unmask(byte[] plain, byte[] nonce) => [.. plain.Select((b, i) => (byte)(b ^ nonce[i % nonce.Length]))];
}
