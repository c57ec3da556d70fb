using Amazon.Runtime;
using BatchSync.Aws.Rds;
using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Tests.Rds;

public class RdsAuthTokenTests
{
    private static readonly DateTimeOffset SigningTime = new(2016, 11, 7, 17, 39, 33, TimeSpan.Zero);

    /// <summary>
    /// The published vector from botocore's signer tests (TestGenerateDBAuthToken): credentials akid/skid, us-east-1,
    /// 2016-11-07T17:39:33Z, prod-instance.us-east-1.rds.amazonaws.com:3306, user someusername.
    /// </summary>
    [Fact]
    public void Matches_the_published_token_for_the_same_inputs()
    {
        var token = RdsAuthToken.Create("prod-instance.us-east-1.rds.amazonaws.com", 3306, "someusername", "us-east-1", new ImmutableCredentials("akid", "skid", null), SigningTime);

        Assert.Equal(
            "prod-instance.us-east-1.rds.amazonaws.com:3306/?Action=connect&DBUser=someusername&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=akid%2F20161107%2Fus-east-1%2Frds-db%2Faws4_request&X-Amz-Date=20161107T173933Z&X-Amz-Expires=900"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=d1138cdbc0ca63eec012ec0fc6c2267e03642168f5884a7795320d4c18374c61",
            token);
    }

    [Fact]
    public void Temporary_credentials_sign_their_session_token_too()
    {
        var withoutToken = RdsAuthToken.Create("db.example", 3306, "etl", "eu-west-1", new ImmutableCredentials("AKID", "secret", null), SigningTime);
        var withToken = RdsAuthToken.Create("db.example", 3306, "etl", "eu-west-1", new ImmutableCredentials("AKID", "secret", "session/token+="), SigningTime);

        Assert.Contains("&X-Amz-Security-Token=session%2Ftoken%2B%3D&", withToken, StringComparison.Ordinal);
        Assert.NotEqual(Signature(withoutToken), Signature(withToken));
        Assert.DoesNotContain("secret", withToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_token_is_signed_at_the_time_it_is_asked_for()
    {
        var clock = new SteppingClock(SigningTime);
        var source = new RdsAuthTokenSource(new StaticCredentialSource("AKID", "secret"), "db.example", 3306, "etl", "eu-west-1", clock);

        var first = await source.NextAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(20));
        var second = await source.NextAsync(CancellationToken.None);

        Assert.Contains("X-Amz-Date=20161107T173933Z", first, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Date=20161107T175933Z", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mydb.c9akciq32.eu-west-1.rds.amazonaws.com", "eu-west-1")]
    [InlineData("cluster.cluster-ro-c9akciq32.us-east-2.rds.amazonaws.com", "us-east-2")]
    [InlineData("proxy.proxy-c9akciq32.ap-northeast-1.rds.amazonaws.com.", "ap-northeast-1")]
    [InlineData("mydb.c9akciq32.cn-north-1.rds.amazonaws.com.cn", "cn-north-1")]
    [InlineData("db.internal", null)]
    [InlineData("10.0.0.5", null)]
    public void The_region_comes_from_an_rds_endpoint_name(string host, string? region)
        => Assert.Equal(region, RdsAuthToken.RegionOf(host));

    private static string Signature(string token) => token[(token.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + 16)..];

    private sealed class SteppingClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
