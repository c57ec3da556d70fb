namespace BatchSync.Core.Workflows.References;

/// <summary>The fields of an RDS-managed database secret that a connection uses.</summary>
internal sealed record RdsSecretFields(string? Host, string? Port, string? Username, SecretValue? Password, string? DbName)
{
    public static readonly RdsSecretFields Empty = new(null, null, null, null, null);

    public static RdsSecretFields Parse(SecretValue secret, ValueReference reference)
    {
        using var document = JsonSecret.Parse(secret.Reveal(), reference);
        var root = document.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var value) ? JsonSecret.TextOf(value) : null;
        var password = Field("password");
        return new RdsSecretFields(
            Field("host"),
            Field("port"),
            Field("username"),
            password is null ? null : new SecretValue(password),
            Field("dbname"));
    }
}
