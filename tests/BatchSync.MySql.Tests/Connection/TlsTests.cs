using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

/// <summary>TLS modes against a real MariaDB started with a certificate from a throwaway CA.</summary>
public sealed class TlsTests(TlsTests.TlsServer fixture) : IClassFixture<TlsTests.TlsServer>
{
    private readonly TestCertificates _certificates = fixture.Certificates;
    private readonly MariaDbServer _server = fixture.Server;

    [Theory]
    [InlineData(MySqlTlsMode.VerifyCa)]
    [InlineData(MySqlTlsMode.VerifyFull)]
    public async Task Verifying_modes_accept_a_certificate_from_the_given_ca(MySqlTlsMode mode)
    {
        await using var connection = await MySqlConnection.OpenAsync(Options(mode, _certificates.CaPath), CancellationToken.None);

        Assert.True(connection.IsEncrypted);
        Assert.NotEqual(string.Empty, await ServerSideCipherAsync(connection));
    }

    [Fact]
    public async Task A_bundle_of_many_cas_works_like_the_rds_one()
    {
        await using var connection = await MySqlConnection.OpenAsync(Options(MySqlTlsMode.VerifyFull, _certificates.BundlePath), CancellationToken.None);

        Assert.True(connection.IsEncrypted);
    }

    [Fact]
    public async Task Verify_ca_with_the_wrong_ca_fails_clearly()
    {
        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(MySqlTlsMode.VerifyCa, _certificates.UnrelatedCaPath), CancellationToken.None));

        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{_server.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains(_certificates.UnrelatedCaPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_full_rejects_a_host_name_the_certificate_does_not_name_but_verify_ca_accepts_it()
    {
        // The certificate names 127.0.0.1 only.
        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(Options(MySqlTlsMode.VerifyFull, _certificates.CaPath, host: "localhost"), CancellationToken.None));
        Assert.Contains("names the host", error.Message, StringComparison.Ordinal);

        await using var connection = await MySqlConnection.OpenAsync(Options(MySqlTlsMode.VerifyCa, _certificates.CaPath, host: "localhost"), CancellationToken.None);
        Assert.True(connection.IsEncrypted);
    }

    [Theory]
    [InlineData(MySqlTlsMode.Required)]
    [InlineData(MySqlTlsMode.Preferred)]
    public async Task Unverified_modes_encrypt_without_a_ca(MySqlTlsMode mode)
    {
        await using var connection = await MySqlConnection.OpenAsync(Options(mode, caPath: null), CancellationToken.None);

        Assert.True(connection.IsEncrypted);
        Assert.NotEqual(string.Empty, await ServerSideCipherAsync(connection));
    }

    [Fact]
    public async Task Disabled_stays_plaintext_even_when_the_server_offers_tls()
    {
        await using var connection = await MySqlConnection.OpenAsync(Options(MySqlTlsMode.Disabled, caPath: null), CancellationToken.None);

        Assert.False(connection.IsEncrypted);
        Assert.Equal(string.Empty, await ServerSideCipherAsync(connection));
    }

    [Fact]
    public async Task Rows_stream_over_tls()
    {
        await using var connection = await MySqlConnection.OpenAsync(Options(MySqlTlsMode.VerifyFull, _certificates.CaPath, database: "mysql"), CancellationToken.None);
        await using var reader = await connection.ExecuteReaderAsync("SELECT seq, REPEAT('x', seq % 1000) FROM seq_1_to_20000", CancellationToken.None);
        var sink = new RecordingSink();

        Assert.Equal(20000, await reader.ReadRowsAsync(sink, CancellationToken.None));
        Assert.Equal(new string('x', 20000 % 1000), System.Text.Encoding.ASCII.GetString(RecordingSink.Fields(sink.Rows[^1], 2)[1]!));
    }

    [Fact]
    public async Task Required_fails_clearly_when_the_server_offers_no_tls()
    {
        var plainServer = await SharedMariaDb.GetAsync();

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(TestAccounts.Root(plainServer, tlsMode: MySqlTlsMode.Required), CancellationToken.None));

        Assert.Contains("does not offer", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{plainServer.Host}:{plainServer.Port}", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ServerSideCipherAsync(MySqlConnection connection)
    {
        var rows = await connection.QueryAsync("SHOW SESSION STATUS LIKE 'Ssl_cipher'", CancellationToken.None);
        return Assert.Single(rows)[1] ?? string.Empty;
    }

    private MySqlConnectionOptions Options(MySqlTlsMode mode, string? caPath, string host = "127.0.0.1", string? database = null) => new()
    {
        Host = host,
        Port = _server.Port,
        User = "root",
        Password = MariaDbServer.RootPassword,
        Database = database,
        TlsMode = mode,
        CaBundlePath = caPath,
    };

    /// <summary>One TLS-enabled server for all tests of the class.</summary>
    public sealed class TlsServer : IAsyncLifetime
    {
        public TestCertificates Certificates { get; } = TestCertificates.Create();

        public MariaDbServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await MariaDbServer.StartAsync(
            [$"--ssl-ca={Certificates.CaPath}", $"--ssl-cert={Certificates.ServerCertificatePath}", $"--ssl-key={Certificates.ServerKeyPath}"]);

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Certificates.Dispose();
        }
    }
}
