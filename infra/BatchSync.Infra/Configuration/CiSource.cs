namespace BatchSync.Infra.Configuration;

/// <summary>Where the CI project reads the repository from.</summary>
public abstract record CiSource
{
    /// <summary>Parses <c>github:OWNER/REPO</c> or <c>codecommit:REPOSITORY</c>; null with a reason otherwise.</summary>
    public static CiSource? Parse(string text, out string? error)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        var location = colon < 0 ? "" : text[(colon + 1)..];
        error = null;
        switch (kind)
        {
            case "github" when location.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } repo]:
                return new GitHubSource(owner, repo);
            case "codecommit" when location.Length > 0 && !location.Contains('/', StringComparison.Ordinal):
                return new CodeCommitSource(location);
            default:
                error = $"ciSource '{text}' is not understood; use github:OWNER/REPO or codecommit:REPOSITORY (or leave it out to create no CI project)";
                return null;
        }
    }
}

/// <summary>A GitHub repository; CodeBuild must hold GitHub credentials for the account (see docs/deploy.md).</summary>
public sealed record GitHubSource(string Owner, string Repository) : CiSource;

/// <summary>A CodeCommit repository in the stack's account and region.</summary>
public sealed record CodeCommitSource(string Repository) : CiSource;
