using System.Data.Common;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.DuckDb;

/// <summary>
/// Lands one table in one transaction: find an earlier landing of this run (then do nothing), fit the destination
/// table to the schema, load the staged parts into a temporary staging table, reconcile its rows with the source's,
/// check what the mode needs (unique merge keys, rows inside the replaced partition), land, record the landing.
/// Any failure rolls the whole transaction back: the destination is as it was.
/// </summary>
internal sealed class TableLander(DbConnection connection, RunManifest manifest, ManifestTable table, DuckDbTarget target, TimeProvider time)
{
    private const int ExamplesShown = 3;

    public async Task<long> LandAsync(IReadOnlyList<string> partFiles, long expectedRows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LandingLedger.CreateAsync(connection, cancellationToken);
        if (await LandingLedger.FindAsync(connection, manifest.Workflow, manifest.RunId, LedgerName, cancellationToken) is { } landed)
        {
            return landed;
        }

        await DestinationTables.EnsureAsync(connection, target, table.Schema, cancellationToken);
        var staging = DuckDbNames.Quote(target.StagingTable);
        var source = partFiles.Count == 0 ? EmptySelect() : StagedCsvScan.Select(table.Schema, partFiles);
        await connection.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {staging} AS {source}", cancellationToken);
        var staged = await connection.ScalarAsync<long>($"SELECT count(*) FROM {staging}", cancellationToken);
        if (staged != expectedRows)
        {
            throw new ReconciliationException($"DuckDB read {staged} rows from the staged parts of {table.SourceName}, but {expectedRows} were read from the source; {target} was left unchanged.");
        }

        await CheckAsync(staging, cancellationToken);
        foreach (var statement in LandingStatements.For(table, target))
        {
            await connection.ExecuteAsync(statement, cancellationToken);
        }

        await LandingLedger.RecordAsync(connection, manifest.Workflow, manifest.RunId, LedgerName, ModeName, staged, time.GetUtcNow(), cancellationToken);
        await connection.ExecuteAsync($"DROP TABLE {staging}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return staged;
    }

    private string LedgerName => $"{target.Schema}.{table.OutTable}";

    private string ModeName => EnumNames.LoadModes.First(pair => pair.Value == table.Mode).Key;

    private string EmptySelect() =>
        "SELECT " + string.Join(", ", table.Schema.Fields.Select(field => $"CAST(NULL AS {DuckDbTypes.Of(field.Type)}) AS {DuckDbNames.Quote(field.Name)}")) + " WHERE false";

    private async Task CheckAsync(string staging, CancellationToken cancellationToken)
    {
        if (table.Mode == LoadMode.Merge)
        {
            await CheckUniqueKeysAsync(staging, cancellationToken);
        }

        if (target.PartitionFilter is { } partition
            && await connection.ScalarAsync<long>($"SELECT count(*) FROM {staging} WHERE ({partition}) IS NOT TRUE", cancellationToken) is var outside and > 0)
        {
            throw new UnlandableRowsException(
                $"{outside} staged row(s) of {table.SourceName} fall outside partition {table.OutTable} (column {table.Partition!.Column}); narrow the table's where to that partition.");
        }
    }

    /// <summary>
    /// A key the source holds twice cannot say which row wins: rather than land an arbitrary one, the table fails
    /// and names the keys. NULL keys group together, as they match each other in the merge.
    /// </summary>
    private async Task CheckUniqueKeysAsync(string staging, CancellationToken cancellationToken)
    {
        var keys = string.Join(", ", table.Key.Select(DuckDbNames.Quote));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(" || ', ' || ", table.Key.Select(key => $"coalesce(CAST({DuckDbNames.Quote(key)} AS VARCHAR), 'NULL')"))}, count(*) FROM {staging} GROUP BY {keys} HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT {ExamplesShown}";
        var duplicates = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                duplicates.Add($"({reader.GetString(0)}) × {reader.GetInt64(1)}");
            }
        }

        if (duplicates.Count > 0)
        {
            throw new UnlandableRowsException(
                $"merge key ({string.Join(", ", table.Key)}) is not unique in the source rows of {table.SourceName}: {string.Join(", ", duplicates)}. "
                + "Choose key columns that identify one row (the table's primary key), or deduplicate with the table's where/select.");
        }
    }
}
