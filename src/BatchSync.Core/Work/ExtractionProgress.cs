namespace BatchSync.Core.Work;

/// <summary>Running totals of an extraction in progress: rows read and uncompressed CSV bytes written so far.</summary>
public readonly record struct ExtractionProgress(long Rows, long Bytes);
