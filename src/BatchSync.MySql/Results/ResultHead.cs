namespace BatchSync.MySql.Results;

/// <summary>The start of a response: columns for a result set, or the OK (affected rows, end) of a statement without one.</summary>
internal sealed record ResultHead(IReadOnlyList<MySqlColumn> Columns, long AffectedRows, ResultEnd? End);
