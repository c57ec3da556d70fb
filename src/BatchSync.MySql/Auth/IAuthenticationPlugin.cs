namespace BatchSync.MySql.Auth;

/// <summary>
/// The client side of one server authentication plugin, for one login attempt (plugins may keep state between steps).
/// </summary>
internal interface IAuthenticationPlugin
{
    string Name { get; }

    /// <summary>The auth response for the handshake response or an auth switch, from the server's nonce.</summary>
    byte[] CreateResponse(ReadOnlySpan<byte> nonce);

    /// <summary>Answers an AuthMoreData packet; null means nothing to send, wait for the server's next packet.</summary>
    byte[]? HandleMoreData(ReadOnlySpan<byte> data);
}
