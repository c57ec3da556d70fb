using System.Security.Cryptography;
using System.Text;
using BatchSync.MySql.Auth;

namespace BatchSync.MySql.Tests.Protocol;

public sealed class ScrambleTests
{
    // Published vectors (go-sql-driver/mysql auth tests) for XOR(SHA256(pw), SHA256(SHA256(SHA256(pw)) + nonce)).
    private static readonly byte[] VectorNonce = [10, 47, 74, 111, 75, 73, 34, 48, 88, 76, 114, 74, 37, 13, 3, 80, 82, 2, 23, 21];

    [Theory]
    [InlineData("secret", "f490e76f66d9d86665ce54d98c78d0acfe2fb0b08b423da807144873d30b312c")]
    [InlineData("secret2", "abc3934a012cf342e876071c8ee202de51785b430258a7a0138bc79c4d800bc6")]
    public void Caching_sha2_scramble_matches_published_vectors(string password, string expectedHex)
    {
        var scramble = CachingSha2PasswordPlugin.Scramble(Encoding.UTF8.GetBytes(password), VectorNonce);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(scramble));
    }

    [Fact]
    public void Caching_sha2_scramble_lets_the_server_recover_the_password_hash()
    {
        // What the server does with its stored SHA256(SHA256(pw)): XOR the scramble with SHA256(stored + nonce)
        // to get SHA256(pw), and check that hashing it again gives the stored value.
        var nonce = RandomNumberGenerator.GetBytes(20);
        var password = Encoding.UTF8.GetBytes("pässwörd");
        var stored = SHA256.HashData(SHA256.HashData(password));

        var scramble = CachingSha2PasswordPlugin.Scramble(password, nonce);

        var mask = SHA256.HashData([.. stored, .. nonce]);
        var candidate = scramble.Select((b, i) => (byte)(b ^ mask[i])).ToArray();
        Assert.Equal(stored, SHA256.HashData(candidate));
    }

    [Fact]
    public void Native_password_scramble_lets_the_server_recover_the_password_hash()
    {
        var nonce = RandomNumberGenerator.GetBytes(20);
        var password = Encoding.UTF8.GetBytes("s3cret!");
        var stored = SHA1.HashData(SHA1.HashData(password));

        var scramble = NativePasswordPlugin.Scramble(password, nonce);

        var mask = SHA1.HashData([.. nonce, .. stored]);
        var candidate = scramble.Select((b, i) => (byte)(b ^ mask[i])).ToArray();
        Assert.Equal(stored, SHA1.HashData(candidate));
    }

    [Fact]
    public void Empty_passwords_send_an_empty_response()
    {
        Assert.Empty(CachingSha2PasswordPlugin.Scramble([], VectorNonce));
        Assert.Empty(NativePasswordPlugin.Scramble([], VectorNonce));
    }
}
