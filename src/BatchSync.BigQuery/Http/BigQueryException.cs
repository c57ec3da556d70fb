using System.Net;
using System.Text;

namespace BatchSync.BigQuery.Http;

/// <summary>
/// BigQuery refused a request or a job failed. <see cref="Reason"/> is BigQuery's reason code (invalid, notFound,
/// duplicate, rateLimitExceeded, backendError, …); the message reads as one paragraph with the first errors.
/// </summary>
public sealed class BigQueryException : Exception
{
    private const int ErrorsInMessage = 5;

    public BigQueryException(string operation, HttpStatusCode? statusCode, string? reason, string? message, IReadOnlyList<BigQueryError> errors)
        : base(Describe(operation, statusCode, reason, message, errors))
    {
        Operation = operation;
        StatusCode = statusCode;
        Reason = reason;
        BigQueryMessage = message;
        Errors = errors;
    }

    public BigQueryException()
        : this("BigQuery request", null, null, null, [])
    {
    }

    public BigQueryException(string message)
        : this(message, null, null, null, [])
    {
    }

    public BigQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = message;
        Errors = [];
    }

    public string Operation { get; }

    /// <summary>The HTTP status, or null when the failure came from a finished job's status.</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? Reason { get; }

    public string? BigQueryMessage { get; }

    /// <summary>The location of the first error that names one (e.g. a file position or a query line).</summary>
    public string? Location => Errors.FirstOrDefault(error => error.Location is not null)?.Location;

    public IReadOnlyList<BigQueryError> Errors { get; }

    private static string Describe(string operation, HttpStatusCode? statusCode, string? reason, string? message, IReadOnlyList<BigQueryError> errors)
    {
        var text = new StringBuilder(operation).Append(" failed");
        if (statusCode is not null)
        {
            text.Append(" (HTTP ").Append((int)statusCode).Append(')');
        }

        if (reason is not null)
        {
            text.Append(" with reason '").Append(reason).Append('\'');
        }

        text.Append(": ").Append(string.IsNullOrWhiteSpace(message) ? "no message" : message.TrimEnd('.')).Append('.');
        var detailed = errors.Where(error => error.Message != message || error.Location is not null).Take(ErrorsInMessage).ToList();
        if (detailed.Count > 0)
        {
            text.Append(" First errors: ").Append(string.Join("; ", detailed)).Append('.');
        }

        if (errors.Count > ErrorsInMessage)
        {
            text.Append(" (").Append(errors.Count - ErrorsInMessage).Append(" more)");
        }

        return text.ToString();
    }
}
