namespace BatchSync.MySql.Csv;

/// <summary>
/// What a BigQuery load job refuses, checked while the CSV is written so the failure names the table, column and row
/// instead of surfacing as a load error after the upload. Sources: cloud.google.com/bigquery/quotas#load_jobs (CSV:
/// maximum row and cell size 100 MB) and cloud.google.com/bigquery/docs/json-data (the JSON type's nesting limit of 500).
/// </summary>
public static class BigQueryLoadLimits
{
    public const int MaxCsvBytes = 100 * 1024 * 1024;

    public const int MaxJsonNesting = 500;
}
