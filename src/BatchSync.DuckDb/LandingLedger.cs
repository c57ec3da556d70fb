using System.Data.Common;

namespace BatchSync.DuckDb;

/// <summary>
/// The landings recorded in the DuckDB file itself (<c>main.batchsync_landings</c>), written in the transaction that
/// lands the table: a run that died after committing but before writing landed.json finds its landing here and
/// does not land again (an append stays exactly once per run id).
/// </summary>
internal static class LandingLedger
{
    private const string Table = DuckDbNames.Catalog + ".main.batchsync_landings";

    public static Task CreateAsync(DbConnection connection, CancellationToken cancellationToken) => connection.ExecuteAsync(
        $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            workflow VARCHAR NOT NULL, run_id VARCHAR NOT NULL, destination_table VARCHAR NOT NULL,
            mode VARCHAR NOT NULL, rows BIGINT NOT NULL, landed_at TIMESTAMP WITH TIME ZONE NOT NULL,
            PRIMARY KEY (workflow, run_id, destination_table))
        """,
        cancellationToken);

    /// <summary>The rows an earlier attempt of this run landed in <paramref name="table"/>, or null.</summary>
    public static Task<long?> FindAsync(DbConnection connection, string workflow, string runId, string table, CancellationToken cancellationToken) =>
        connection.ScalarAsync<long?>($"SELECT rows FROM {Table} WHERE {Where(workflow, runId, table)}", cancellationToken);

    public static Task RecordAsync(DbConnection connection, string workflow, string runId, string table, string mode, long rows, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            $"INSERT INTO {Table} VALUES ({DuckDbNames.Literal(workflow)}, {DuckDbNames.Literal(runId)}, {DuckDbNames.Literal(table)}, {DuckDbNames.Literal(mode)}, {rows}, {DuckDbNames.Literal(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}::TIMESTAMPTZ)",
            cancellationToken);

    private static string Where(string workflow, string runId, string table) =>
        $"workflow = {DuckDbNames.Literal(workflow)} AND run_id = {DuckDbNames.Literal(runId)} AND destination_table = {DuckDbNames.Literal(table)}";
}
