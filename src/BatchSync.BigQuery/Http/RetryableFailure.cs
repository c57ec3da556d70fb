using System.Net;

namespace BatchSync.BigQuery.Http;

/// <summary>Which failures are worth another attempt. invalid/notFound/duplicate/accessDenied never are.</summary>
internal static class RetryableFailure
{
    private static readonly HashSet<string> RetryableReasons = new(StringComparer.Ordinal)
    {
        "rateLimitExceeded", "backendError", "internalError", "jobBackendError", "jobInternalError",
    };

    private static readonly HashSet<string> PermanentReasons = new(StringComparer.Ordinal)
    {
        "invalid", "invalidQuery", "notFound", "duplicate", "accessDenied", "billingNotEnabled", "quotaExceeded", "resourceInUse",
    };

    /// <summary>A job that finished with this errorResult reason may succeed as a new job (a new job id).</summary>
    public static bool IsTransientJobFailure(string? reason) => reason is not null && RetryableReasons.Contains(reason);

    public static bool IsRetryable(Exception exception) => exception switch
    {
        BigQueryException bigQuery => IsRetryable(bigQuery),
        HttpRequestException => true,
        IOException => true,
        TimeoutException => true,
        // HttpClient's own timeout surfaces as a cancellation without the caller's token being cancelled.
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    private static bool IsRetryable(BigQueryException exception)
    {
        if (exception.Reason is { } reason)
        {
            if (RetryableReasons.Contains(reason))
            {
                return true;
            }

            if (PermanentReasons.Contains(reason))
            {
                return false;
            }
        }

        return exception.StatusCode is HttpStatusCode.TooManyRequests || (int?)exception.StatusCode >= 500;
    }
}
