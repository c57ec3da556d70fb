using BatchSync.MySql.Csv;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Results;
using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Extract;

/// <summary>
/// Checks a result against the columns a plan expects before any row is written: same names in the same order, and
/// wire types the planned encodings can write. A table altered since planning (a column dropped, renamed or retyped
/// so its values no longer fit) fails instead of landing data nobody planned; a column added is simply not selected.
/// </summary>
internal static class PlannedColumnCheck
{
    private static readonly HashSet<ColumnType> Numbers =
    [
        ColumnType.Tiny, ColumnType.Short, ColumnType.Int24, ColumnType.Long, ColumnType.LongLong, ColumnType.Decimal,
        ColumnType.NewDecimal, ColumnType.Float, ColumnType.Double, ColumnType.Year,
    ];

    private static readonly HashSet<ColumnType> Integers = [ColumnType.Tiny, ColumnType.Short, ColumnType.Int24, ColumnType.Long, ColumnType.LongLong];

    private static readonly HashSet<ColumnType> DateTimes = [ColumnType.DateTime, ColumnType.DateTime2, ColumnType.Timestamp, ColumnType.Timestamp2];

    public static void Check(string table, IReadOnlyList<CsvColumn> planned, IReadOnlyList<MySqlColumn> result)
    {
        var names = result.Select(c => c.Name).ToList();
        if (!names.SequenceEqual(planned.Select(c => c.Name), StringComparer.OrdinalIgnoreCase))
        {
            throw new SchemaMappingException(
                $"The columns of {table} changed since the run was planned (planned: {string.Join(", ", planned.Select(c => c.Name))}; now: {string.Join(", ", names)}). Start a new run to plan again.");
        }

        for (var i = 0; i < planned.Count; i++)
        {
            if (!Fits(planned[i].Encoding, result[i].Type))
            {
                throw new SchemaMappingException(table, planned[i].Name,
                    $"the column's type changed since the run was planned (planned values: {planned[i].Encoding}; now the server sends {result[i].Type}). Start a new run to plan again.");
            }
        }
    }

    private static bool Fits(ValueEncoding encoding, ColumnType type) => encoding switch
    {
        ValueEncoding.Number => Numbers.Contains(type),
        ValueEncoding.IntegerBoolean => Integers.Contains(type),
        ValueEncoding.BitBoolean or ValueEncoding.BitInteger => type == ColumnType.Bit,
        ValueEncoding.Date => type is ColumnType.Date or ColumnType.NewDate,
        ValueEncoding.DateTime => DateTimes.Contains(type),
        ValueEncoding.DateTimeFromZone => type is ColumnType.DateTime or ColumnType.DateTime2,
        ValueEncoding.Timestamp => type is ColumnType.Timestamp or ColumnType.Timestamp2,
        ValueEncoding.TimeOfDay => type is ColumnType.Time or ColumnType.Time2,
        _ => true,
    };
}
