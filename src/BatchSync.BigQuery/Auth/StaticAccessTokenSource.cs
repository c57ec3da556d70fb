namespace BatchSync.BigQuery.Auth;

/// <summary>A fixed token, for emulators and tests where no OAuth flow exists.</summary>
public sealed class StaticAccessTokenSource(string token) : IAccessTokenSource
{
    private readonly string _token = string.IsNullOrEmpty(token) ? throw new ArgumentException("The access token is empty.", nameof(token)) : token;

    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_token);

    public override string ToString() => "static access token";
}
