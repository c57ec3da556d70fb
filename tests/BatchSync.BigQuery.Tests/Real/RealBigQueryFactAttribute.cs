namespace BatchSync.BigQuery.Tests.Real;

/// <summary>
/// A fact that runs against real BigQuery only when BATCHSYNC_TEST_BIGQUERY_CREDENTIALS (path of a service-account
/// key JSON) and BATCHSYNC_TEST_BIGQUERY_PROJECT are set; otherwise it is reported as skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealBigQueryFactAttribute : FactAttribute
{
    public const string CredentialsVariable = "BATCHSYNC_TEST_BIGQUERY_CREDENTIALS";
    public const string ProjectVariable = "BATCHSYNC_TEST_BIGQUERY_PROJECT";
    public const string LocationVariable = "BATCHSYNC_TEST_BIGQUERY_LOCATION";

    public RealBigQueryFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CredentialsVariable)) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProjectVariable)))
        {
            Skip = $"Real BigQuery is not configured: set {CredentialsVariable} (service-account key JSON path) and {ProjectVariable}.";
        }
    }
}
