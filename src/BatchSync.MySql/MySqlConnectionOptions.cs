namespace BatchSync.MySql;

/// <summary>Where and how to connect. <see cref="Validate"/> runs before any network activity.</summary>
public sealed record MySqlConnectionOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 3306;

    public required string User { get; init; }

    public string? Password { get; init; }

    public string? Database { get; init; }

    public MySqlTlsMode TlsMode { get; init; } = MySqlTlsMode.Preferred;

    /// <summary>A PEM file with one or more CA certificates (for example the RDS global bundle) for the verify modes.</summary>
    public string? CaBundlePath { get; init; }

    /// <summary>
    /// Allow mysql_clear_password (RDS IAM tokens). The password is then sent as is, so only over TLS that verifies the
    /// server (<see cref="MySqlTlsMode.VerifyCa"/> or <see cref="MySqlTlsMode.VerifyFull"/>).
    /// </summary>
    public bool UseClearTextPassword { get; init; }

    /// <summary>
    /// Produces the password for each new connection instead of <see cref="Password"/>: RDS IAM tokens expire, so every
    /// connection (including the one that sends KILL) signs a fresh one.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? PasswordProvider { get; init; }

    /// <summary>
    /// Let caching_sha2_password / sha256_password ask the server for its RSA public key over an unencrypted connection.
    /// Off by default: whoever sits in the network path can answer with their own key and read the password.
    /// </summary>
    public bool AllowPublicKeyRetrieval { get; init; }

    /// <summary>The server's RSA public key (PEM), pinned, for sha2 password exchanges without TLS.</summary>
    public string? ServerRsaPublicKeyPath { get; init; }

    /// <summary>Receives warnings about weakened security, such as <see cref="MySqlTlsMode.Preferred"/> falling back to plain TCP.</summary>
    public Action<string>? Warning { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may stay silent while we wait for bytes before the connection is given up.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Start every session with SET SESSION TRANSACTION READ ONLY.</summary>
    public bool ReadOnlySession { get; init; } = true;

    /// <summary>False for the side connection that sends KILL, so a frozen server cannot make kills cascade.</summary>
    internal bool KillOnReadTimeout { get; init; } = true;

    internal string Endpoint => $"{Host}:{Port}";

    /// <summary>Whether the TLS mode checks the server's certificate, so a password may travel inside it.</summary>
    internal bool VerifiesServer => TlsMode is MySqlTlsMode.VerifyCa or MySqlTlsMode.VerifyFull;

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("MySQL host is empty; set the server's host name or IP address.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"MySQL port {Port} is out of range; use 1-65535 (usually 3306).", nameof(Port));
        }

        if (string.IsNullOrEmpty(User))
        {
            throw new ArgumentException("MySQL user is empty; set the account to log in as.", nameof(User));
        }

        if (!Enum.IsDefined(TlsMode))
        {
            throw new ArgumentException($"Unknown TLS mode {(int)TlsMode}.", nameof(TlsMode));
        }

        if (CaBundlePath is not null && !File.Exists(CaBundlePath))
        {
            throw new ArgumentException($"CA bundle '{CaBundlePath}' does not exist; point it at a PEM file of CA certificates.", nameof(CaBundlePath));
        }

        if (UseClearTextPassword && !VerifiesServer)
        {
            throw new ArgumentException(
                $"A clear-text password (mysql_clear_password, e.g. an RDS IAM token) is only sent over TLS that verifies the server; TLS mode {TlsMode} does not. Choose VerifyCa or VerifyFull (with the server's CA bundle).",
                nameof(UseClearTextPassword));
        }

        if (ServerRsaPublicKeyPath is not null && !File.Exists(ServerRsaPublicKeyPath))
        {
            throw new ArgumentException($"Server RSA public key file '{ServerRsaPublicKeyPath}' does not exist; point it at the server's public key PEM (caching_sha2_password_public_key_path on the server).", nameof(ServerRsaPublicKeyPath));
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Connect timeout must be positive.", nameof(ConnectTimeout));
        }

        if (ReadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Read timeout must be positive.", nameof(ReadTimeout));
        }
    }

    public override string ToString()
        => $"{User}@{Endpoint}/{Database ?? "(no database)"} tls={TlsMode}" + (UseClearTextPassword ? " clear-text-password" : string.Empty)
           + (AllowPublicKeyRetrieval ? " allow-public-key-retrieval" : string.Empty);
}
