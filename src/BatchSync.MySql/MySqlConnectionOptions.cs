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

    /// <summary>Allow mysql_clear_password (RDS IAM tokens). The password is then sent as is, so only over TLS.</summary>
    public bool UseClearTextPassword { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may stay silent while we wait for bytes before the connection is given up.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Start every session with SET SESSION TRANSACTION READ ONLY.</summary>
    public bool ReadOnlySession { get; init; } = true;

    internal string Endpoint => $"{Host}:{Port}";

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

        if (UseClearTextPassword && TlsMode == MySqlTlsMode.Disabled)
        {
            throw new ArgumentException("A clear-text password (mysql_clear_password, e.g. an RDS IAM token) needs TLS; choose a TLS mode other than Disabled.", nameof(UseClearTextPassword));
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
        => $"{User}@{Endpoint}/{Database ?? "(no database)"} tls={TlsMode}" + (UseClearTextPassword ? " clear-text-password" : string.Empty);
}
