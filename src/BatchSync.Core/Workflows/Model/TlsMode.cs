namespace BatchSync.Core.Workflows.Model;

/// <summary>TLS towards the source, in the vocabulary of the MySQL client's --ssl-mode.</summary>
public enum TlsMode
{
    Disabled,
    Preferred,
    Required,
    VerifyCa,
    VerifyFull,
}
