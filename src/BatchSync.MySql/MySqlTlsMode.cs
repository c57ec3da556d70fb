namespace BatchSync.MySql;

/// <summary>How the connection uses TLS; the names follow the mysql client's --ssl-mode values.</summary>
public enum MySqlTlsMode
{
    /// <summary>Plain TCP, even if the server offers TLS.</summary>
    Disabled,

    /// <summary>TLS when the server offers it, without certificate verification; plain TCP otherwise.</summary>
    Preferred,

    /// <summary>TLS or fail; the certificate is not verified.</summary>
    Required,

    /// <summary>TLS, and the server certificate must chain to the CA bundle (or the system roots); the host name is not checked.</summary>
    VerifyCa,

    /// <summary>Like <see cref="VerifyCa"/>, and the certificate must also name the host we connected to.</summary>
    VerifyFull,
}
