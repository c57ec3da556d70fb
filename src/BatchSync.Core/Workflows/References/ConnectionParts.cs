namespace BatchSync.Core.Workflows.References;

/// <summary>Resolved MySQL connection settings; the password stays wrapped, so printing this record is safe.</summary>
public sealed record ConnectionParts(string Host, int Port, string User, SecretValue? Password, string? Database)
{
    public const int DefaultPort = 3306;
}
