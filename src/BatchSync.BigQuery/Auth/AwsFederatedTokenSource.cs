using Google.Apis.Auth.OAuth2;

namespace BatchSync.BigQuery.Auth;

/// <summary>Builds the AWS subject token (a signed GetCallerIdentity request) for a pool provider audience.</summary>
/// <param name="verificationUrl">The configuration's regional_cred_verification_url (with its {region} placeholder).</param>
/// <param name="audience">The pool provider's resource name, signed as x-goog-cloud-target-resource.</param>
/// <param name="cancellationToken">Cancels fetching the AWS credentials.</param>
public delegate Task<string> AwsSubjectTokenFactory(string verificationUrl, string audience, CancellationToken cancellationToken);

/// <summary>
/// Access tokens through workload identity federation with AWS as the identity source. Google.Apis.Auth does the
/// token exchange at Google's STS, the service-account impersonation (generateAccessToken) and the caching and
/// refreshing of both tokens; only the subject token comes from BatchSync's own AWS credential chain, because the
/// library's AWS source reads neither the container credentials endpoint of Fargate nor any other chain element.
/// </summary>
public sealed class AwsFederatedTokenSource : IAccessTokenSource
{
    private readonly ITokenAccess _credential;
    private readonly string _kind;

    public AwsFederatedTokenSource(AwsExternalAccountConfiguration configuration, AwsSubjectTokenFactory subjectTokens)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(subjectTokens);
        var initializer = new ProgrammaticExternalAccountCredential.Initializer(
            configuration.TokenUrl.AbsoluteUri,
            configuration.Audience,
            configuration.SubjectTokenType,
            new SubjectTokenProvider(configuration, subjectTokens))
        {
            // With impersonation the library asks STS for the cloud-platform scope and the service account for these.
            ServiceAccountImpersonationUrl = configuration.ServiceAccountImpersonationUrl?.AbsoluteUri,
            Scopes = [GoogleCredentialTokenSource.BigQueryScope],
        };
        _credential = GoogleCredential.FromProgrammaticExternalAccountCredential(new ProgrammaticExternalAccountCredential(initializer));
        _kind = configuration.ServiceAccount is { } account
            ? $"workload identity federation from AWS, impersonating {account}"
            : "workload identity federation from AWS";
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);
        }
        catch (SubjectTokenException exception) when (exception.InnerException is { } cause)
        {
            // The library's message names only its own step; what failed is getting or signing with AWS credentials.
            throw new InvalidOperationException(
                $"Workload identity federation signs its subject token with this job's AWS credentials, and that failed: {cause.Message} On AWS Batch the job role's credentials come from the container credentials endpoint; locally set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.",
                cause);
        }
    }

    public override string ToString() => _kind;

    private sealed class SubjectTokenProvider(AwsExternalAccountConfiguration configuration, AwsSubjectTokenFactory subjectTokens)
        : ProgrammaticExternalAccountCredential.ISubjectTokenProvider
    {
        public Task<string> GetSubjectTokenAsync(ProgrammaticExternalAccountCredential caller, CancellationToken taskCancellationToken) =>
            subjectTokens(configuration.RegionalCredentialVerificationUrl, configuration.Audience, taskCancellationToken);
    }
}
