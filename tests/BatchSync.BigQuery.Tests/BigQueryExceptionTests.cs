using System.Net;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Tests;

public sealed class BigQueryExceptionTests
{
    [Fact]
    public void The_message_reads_as_one_paragraph_with_the_first_errors_and_their_locations()
    {
        var errors = Enumerable.Range(1, 7).Select(i => new BigQueryError("invalid", $"row {i}", $"Could not parse 'x{i}' as INT64")).ToList();

        var error = new BigQueryException("Loading a part into p.d.t", HttpStatusCode.BadRequest, "invalid", "Too many errors.", errors);

        Assert.Equal(
            "Loading a part into p.d.t failed (HTTP 400) with reason 'invalid': Too many errors. First errors: [invalid] at row 1: Could not parse 'x1' as INT64; [invalid] at row 2: Could not parse 'x2' as INT64; [invalid] at row 3: Could not parse 'x3' as INT64; [invalid] at row 4: Could not parse 'x4' as INT64; [invalid] at row 5: Could not parse 'x5' as INT64. (2 more)",
            error.Message);
        Assert.Equal("row 1", error.Location);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_non_JSON_error_body_keeps_its_start()
    {
        var error = ErrorResponse.ToException("Reading table p.d.t", HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.Reason);
        Assert.Contains("<html>bad gateway</html>", error.Message, StringComparison.Ordinal);
    }
}
