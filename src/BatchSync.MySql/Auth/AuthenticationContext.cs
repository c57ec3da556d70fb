namespace BatchSync.MySql.Auth;

/// <summary>What plugins may use: the password (never logged) and whether the channel is encrypted.</summary>
internal sealed record AuthenticationContext(string? Password, bool IsEncrypted, bool AllowClearTextPassword, string Endpoint)
{
    public byte[] PasswordBytes => System.Text.Encoding.UTF8.GetBytes(Password ?? string.Empty);

    public override string ToString() => $"{nameof(AuthenticationContext)} {{ IsEncrypted = {IsEncrypted}, Endpoint = {Endpoint} }}";
}
