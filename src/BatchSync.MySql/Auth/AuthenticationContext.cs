namespace BatchSync.MySql.Auth;

/// <summary>
/// What plugins may use: the password (never logged), how the channel is protected, and what the user allowed for
/// exchanges that would otherwise trust an unauthenticated server.
/// </summary>
internal sealed record AuthenticationContext(string? Password, bool IsEncrypted, bool IsVerified, string Endpoint)
{
    public bool AllowClearTextPassword { get; init; }

    public bool AllowPublicKeyRetrieval { get; init; }

    /// <summary>The pinned server RSA public key (PEM), if the user gave one.</summary>
    public string? ServerPublicKeyPem { get; init; }

    public byte[] PasswordBytes => System.Text.Encoding.UTF8.GetBytes(Password ?? string.Empty);

    public override string ToString() => $"{nameof(AuthenticationContext)} {{ IsEncrypted = {IsEncrypted}, IsVerified = {IsVerified}, Endpoint = {Endpoint} }}";
}
