using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Workflows.Model;

/// <summary>
/// The MySQL server to read. Either <see cref="Connection"/> (a secret in the RDS shape) or the parts; a part set next
/// to <see cref="Connection"/> overrides that field of the secret (for example another database on the same server).
/// </summary>
public sealed record SourceSettings
{
    public ValueReference? Connection { get; init; }

    public ValueReference? Host { get; init; }

    public ValueReference? Port { get; init; }

    public ValueReference? User { get; init; }

    public ValueReference? Password { get; init; }

    public ValueReference? Database { get; init; }

    public TlsMode Tls { get; init; } = TlsMode.Preferred;

    /// <summary>PEM bundle for verify-ca / verify-full, as a full path (written relative to the workflow file's folder).</summary>
    public string? CaBundle { get; init; }

    /// <summary>Sign an RDS IAM auth token per connection instead of using a password.</summary>
    public bool IamAuth { get; init; }

    /// <summary>Let sha2 password exchanges without TLS fetch the server's RSA key (unsafe outside trusted networks).</summary>
    public bool AllowPublicKeyRetrieval { get; init; }

    /// <summary>The server's RSA public key (PEM, full path), pinned for sha2 password exchanges without TLS.</summary>
    public string? ServerPublicKey { get; init; }

    /// <summary>The zone DATETIME values were written in; required when a table uses <c>datetime: timestamp</c>.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>How long a read may wait without a byte from the server before the attempt fails (and is retried).</summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A frozen or unreachable server fails the attempt after this long without a byte (<c>read_timeout</c>).</summary>
    public TimeSpan ReadTimeout { get; init; } = DefaultReadTimeout;

    /// <summary>Never more concurrent connections than this; null means no cap beyond parallelism.</summary>
    public int? MaxConnections { get; init; }
}
