namespace BatchSync.MySql.Extract;

/// <summary>How far an export has come: rows and CSV bytes written so far.</summary>
public readonly record struct ExportProgress(long Rows, long Bytes, TimeSpan Elapsed);
