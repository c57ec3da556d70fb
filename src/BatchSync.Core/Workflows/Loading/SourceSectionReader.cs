using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>source:</c>.</summary>
internal static class SourceSectionReader
{
    private const string Where = "source";

    public static SourceSettings? Read(MapReader top, string workflowFolder)
    {
        if (!top.Has(Where))
        {
            top.ReportMissing(Where, "add source: with connection: secret:<id> or host/user/password");
            return null;
        }

        if (top.Map(Where) is not { } node)
        {
            return null;
        }

        var map = new MapReader(node, Where, top.Diagnostics, WorkflowKeys.Source);
        var connection = ReadConnection(map);
        var source = new SourceSettings
        {
            Connection = connection,
            Host = map.Reference("host"),
            Port = ReadPort(map),
            User = map.Reference("user"),
            Password = map.SecretReference("password", "secret:prod/shop/mysql#password"),
            Database = map.Reference("database"),
            Tls = map.Enum("tls", EnumNames.TlsModes) ?? TlsMode.Preferred,
            CaBundle = ReadCaBundle(map, workflowFolder),
            IamAuth = map.Boolean("iam_auth") ?? false,
            TimeZone = TimeZoneReader.Read(map, "timezone"),
            MaxConnections = (int?)map.Integer("max_connections", 1, 1000),
            ReadTimeout = ReadReadTimeout(map),
        };
        CheckCompleteness(map, source);
        return source;
    }

    private static ValueReference? ReadConnection(MapReader map)
    {
        var connection = map.Reference("connection");
        if (connection is LiteralValue)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.InlineSecret,
                map.LocationOf("connection"),
                "source.connection must name a secret, not hold the connection itself",
                "write connection: secret:<id> (a secret with host, port, username, password, dbname) or use host/user/password");
            return null;
        }

        return connection;
    }

    private static ValueReference? ReadPort(MapReader map)
    {
        var port = map.Reference("port");
        if (port is LiteralValue literal && (!int.TryParse(literal.Value, out var number) || number is < 1 or > 65535))
        {
            map.Diagnostics.Error(DiagnosticCodes.BadValue, map.LocationOf("port"), $"source.port must be from 1 to 65535, found '{literal.Value}'");
            return null;
        }

        return port;
    }

    private static TimeSpan ReadReadTimeout(MapReader map)
    {
        if (map.Scalar("read_timeout") is not { } text)
        {
            return SourceSettings.DefaultReadTimeout;
        }

        if (LookbackParser.Parse(text.Value) is { } timeout && timeout > TimeSpan.Zero && timeout <= TimeSpan.FromDays(1))
        {
            return timeout;
        }

        map.Diagnostics.Error(DiagnosticCodes.BadValue, text.Location, $"source.read_timeout '{text.Value}' is not a duration from 1s to 1d", "write a number and a unit: 30s, 5m or 1h");
        return SourceSettings.DefaultReadTimeout;
    }

    private static string? ReadCaBundle(MapReader map, string workflowFolder)
    {
        var path = map.String("ca_bundle");
        if (path is not null && !File.Exists(Path.Combine(workflowFolder, path)))
        {
            map.Diagnostics.Warning(
                DiagnosticCodes.MissingFile,
                map.LocationOf("ca_bundle"),
                $"source.ca_bundle '{path}' does not exist (paths are relative to the workflow file)",
                "the run fails unless the file is there at run time");
        }

        return path;
    }

    private static void CheckCompleteness(MapReader map, SourceSettings source)
    {
        var hasParts = map.Has("host");
        if (source.Connection is null && !map.Has("connection") && !hasParts)
        {
            map.ReportMissing("connection", "set connection: secret:<id> or the parts host, user and password");
        }
        else if (!map.Has("connection") && hasParts && !map.Has("user"))
        {
            map.ReportMissing("user", "with host set, user is needed too (or use connection: secret:<id>)");
        }

        if (source.IamAuth && source.Tls is TlsMode.Disabled or TlsMode.Preferred)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.Conflict,
                map.LocationOf("iam_auth"),
                "source.iam_auth sends an authentication token, which needs TLS",
                "set tls: required, verify-ca or verify-full");
        }

        if (source.IamAuth)
        {
            map.WarnIgnored("password", "iam_auth uses a token instead of a password");
        }
    }
}
