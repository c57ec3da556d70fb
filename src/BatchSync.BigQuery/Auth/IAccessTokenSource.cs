namespace BatchSync.BigQuery.Auth;

/// <summary>Supplies OAuth2 access tokens for BigQuery requests. Implementations cache and refresh tokens themselves.</summary>
public interface IAccessTokenSource
{
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
