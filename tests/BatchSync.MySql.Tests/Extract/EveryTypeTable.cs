using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>
/// A table with every mapped type and the values that break exporters (limits, zero dates, bytes 0-255, quotes and
/// line breaks, 4-byte UTF-8, DST-ambiguous timestamps), in a fresh database on the shared MariaDB.
/// </summary>
internal static class EveryTypeTable
{
    public const string Name = "every_type";

    private static readonly string AllBytes = "X'" + Convert.ToHexString(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray()) + "'";

    /// <summary>Creates the table in a new database and returns the database's name.</summary>
    public static async Task<string> CreateAsync()
    {
        var database = await SharedMariaDb.CreateDatabaseAsync("types");
        var server = await SharedMariaDb.GetAsync();
        var nasty = "CONCAT('quote \" comma , cr', CHAR(13), 'lf', CHAR(10), 'crlf', CHAR(13, 10), 'tab', CHAR(9), 'end')";
        var unicode = "'日本語テキスト 😀🎉 \"\"q\", x'";
        var control = "CONCAT('ctrl', CHAR(1), CHAR(0), CHAR(31), CHAR(127), 'x')";
        await server.ExecuteAsync($$"""
            SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
            SET SESSION time_zone = '+00:00';
            CREATE TABLE {{Name}} (
              id INT PRIMARY KEY,
              ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, su SMALLINT UNSIGNED, mi MEDIUMINT, mu MEDIUMINT UNSIGNED,
              i INT, iu INT UNSIGNED, bi BIGINT, bu BIGINT UNSIGNED, flag TINYINT(1),
              dsmall DECIMAL(12,2), dmid DECIMAL(40,10), dbig DECIMAL(65,30), dwide DECIMAL(65,20), fl FLOAT, db DOUBLE,
              b1 BIT(1), b10 BIT(10), b64 BIT(64),
              s VARCHAR(255), txt TEXT, ch CHAR(10), e ENUM('a','b,c'), st SET('x','y'),
              vb VARBINARY(300), bl BLOB,
              d DATE, dt DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, tm TIME(3), y YEAR,
              j JSON, g GEOMETRY NULL
            ) CHARACTER SET utf8mb4;
            INSERT INTO {{Name}} VALUES
            (1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, 0,
             -9999999999.99, -123456789012345678901234567890.1234567890, -99999999999999999999999999999999999.999999999999999999999999999999,
             -999999999999999999999999999999999999999999999.99999999999999999999, -1.5, -1.7976931348623157e308,
             b'0', b'0', b'0', 'plain', 'text', 'c', 'a', '', X'', X'',
             '1000-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:01', '00:00:00', 1901, '{}', ST_GeomFromText('POINT(1 2)')),
            (2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, 18446744073709551615, 1,
             9999999999.99, 123456789012345678901234567890.1234567890, 99999999999999999999999999999999999.999999999999999999999999999999,
             999999999999999999999999999999999999999999999.99999999999999999999, 3.4e38, 1.7976931348623157e308,
             b'1', b'1111111111', b'1111111111111111111111111111111111111111111111111111111111111111',
             {{nasty}}, {{unicode}}, 'ch', 'b,c', 'x,y', {{AllBytes}}, {{AllBytes}},
             '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999', '23:59:59.999', 2155,
             '{"k": "日本 \\"q\\"", "n": [1, 2.5, null]}', ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'));
            INSERT INTO {{Name}} (id) VALUES (3);
            INSERT INTO {{Name}} (id, flag, s, txt, ch, st, vb, bl, d, dt, ts, tm, y, j)
              VALUES (4, 2, '', '', '', '', '', '', '0000-00-00', '2020-00-10 10:00:00', '0000-00-00 00:00:00', '12:34:56.5', 0, '[]');
            INSERT INTO {{Name}} (id, s, txt, ch, d, dt, tm)
              VALUES (5, '  spaced  ', {{control}}, ' x', '2024-02-29', '2024-02-29 12:00:00.5', '-01:00:00');
            SET SESSION time_zone = '-04:00';
            INSERT INTO {{Name}} (id, ts, dt) VALUES (6, '2024-11-03 01:30:00.25', '2024-05-00 00:00:00');
            SET SESSION time_zone = '-05:00';
            INSERT INTO {{Name}} (id, ts, dt) VALUES (7, '2024-11-03 01:30:00.25', '0000-00-00 00:00:00');
            """, database);
        return database;
    }
}
