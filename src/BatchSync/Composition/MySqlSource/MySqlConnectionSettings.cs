using BatchSync.Aws.Rds;
using BatchSync.Aws.Signing;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using BatchSync.MySql;

namespace BatchSync.Composition.MySqlSource;

/// <summary>The MySQL client's options for a workflow's resolved source connection.</summary>
internal static class MySqlConnectionSettings
{
    public static MySqlConnectionOptions From(ConnectionParts connection, SourceOptions source)
    {
        if (WeakTls.Describe(source.Tls, connection.Host) is { } weak)
        {
            source.Warning?.Invoke($"{weak}; {WeakTls.Hint}.");
        }

        return Create(connection, source);
    }

    private static MySqlConnectionOptions Create(ConnectionParts connection, SourceOptions source) => new()
    {
        Host = connection.Host,
        Port = connection.Port,
        User = connection.User,
        Password = source.IamAuth ? null : connection.Password?.Reveal(),
        PasswordProvider = source.IamAuth ? IamTokens(connection).NextAsync : null,
        UseClearTextPassword = source.IamAuth,
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
        AllowPublicKeyRetrieval = source.AllowPublicKeyRetrieval,
        ServerRsaPublicKeyPath = source.ServerPublicKey,
        Warning = source.Warning,
    };

    /// <summary>RDS IAM auth: a token signed per connection with the job role's credentials, for the endpoint's region.</summary>
    private static RdsAuthTokenSource IamTokens(ConnectionParts connection)
    {
        var region = RdsAuthToken.RegionOf(connection.Host)
            ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new UsageException(
                $"iam_auth: true needs the database's AWS region to sign the token, and the host '{connection.Host}' is not an RDS endpoint name that carries one. Set AWS_REGION.");
        return new RdsAuthTokenSource(new DefaultChainCredentialSource(), connection.Host, connection.Port, connection.User, region, TimeProvider.System);
    }
}
