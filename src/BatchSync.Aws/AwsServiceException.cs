using System.Net;

namespace BatchSync.Aws;

/// <summary>An AWS API answered with an error, or could not be reached. <see cref="Code"/> is the service's error code.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string code, string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public AwsServiceException()
        : this("Unknown", "The AWS request failed.", null)
    {
    }

    public AwsServiceException(string message)
        : this("Unknown", message, null)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : this("Unknown", message, null, innerException)
    {
    }

    public string Code { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Throttling and server-side faults: worth another try after a pause.</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
        || Code is NetworkErrorCode or "ThrottlingException" or "TooManyRequestsException" or "RequestLimitExceeded" or "InternalServiceError" or "ServiceUnavailable";

    /// <summary>The code used when no answer arrived at all (connection refused, reset, timed out).</summary>
    public const string NetworkErrorCode = "NetworkError";
}
