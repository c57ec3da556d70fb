using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using BatchSync.MySql;

namespace BatchSync.Composition.MySqlSource;

/// <summary>The MySQL client's options for a workflow's resolved source connection.</summary>
internal static class MySqlConnectionSettings
{
    public static MySqlConnectionOptions From(ConnectionParts connection, SourceOptions source) => new()
    {
        Host = connection.Host,
        Port = connection.Port,
        User = connection.User,
        Password = connection.Password?.Reveal(),
        Database = connection.Database,
        TlsMode = source.Tls switch
        {
            TlsMode.Disabled => MySqlTlsMode.Disabled,
            TlsMode.Required => MySqlTlsMode.Required,
            TlsMode.VerifyCa => MySqlTlsMode.VerifyCa,
            TlsMode.VerifyFull => MySqlTlsMode.VerifyFull,
            _ => MySqlTlsMode.Preferred,
        },
        CaBundlePath = source.CaBundle,
        ReadTimeout = source.ReadTimeout,
    };
}
