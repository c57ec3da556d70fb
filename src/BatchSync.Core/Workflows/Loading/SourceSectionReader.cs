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
        var tlsSetting = map.Enum("tls", EnumNames.TlsModes);
        var tls = tlsSetting ?? TlsMode.Preferred;
        var source = new SourceSettings
        {
            Connection = connection,
            Host = map.Reference("host"),
            Port = ReadPort(map),
            User = map.Reference("user"),
            Password = map.SecretReference("password", "secret:prod/shop/mysql#password"),
            Database = map.Reference("database"),
            Tls = tls,
            CaBundle = ReadPath(map, workflowFolder, "ca_bundle", required: tls is TlsMode.VerifyCa or TlsMode.VerifyFull),
            IamAuth = map.Boolean("iam_auth") ?? false,
            AllowPublicKeyRetrieval = map.Boolean("allow_public_key_retrieval") ?? false,
            ServerPublicKey = ReadPath(map, workflowFolder, "server_public_key", required: true),
            TimeZone = TimeZoneReader.Read(map, "timezone"),
            MaxConnections = (int?)map.Integer("max_connections", 1, 1000),
            ReadTimeout = ReadReadTimeout(map),
        };
        CheckCompleteness(map, source);
        if (tlsSetting is not null || !map.Has("tls"))
        {
            WarnWeakTls(map, source);
        }

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

        if (LookbackParser.Parse(text.Value) is { Values: 0, Duration: var timeout } && timeout > TimeSpan.Zero && timeout <= TimeSpan.FromDays(1))
        {
            return timeout;
        }

        map.Diagnostics.Error(DiagnosticCodes.BadValue, text.Location, $"source.read_timeout '{text.Value}' is not a duration from 1s to 1d", "write a number and a unit: 30s, 5m or 1h");
        return SourceSettings.DefaultReadTimeout;
    }

    /// <summary>
    /// A file next to the workflow, as a full path (runs may start in another folder). Missing: an error when the
    /// connection cannot work without it, else a warning (the image may provide it at run time).
    /// </summary>
    private static string? ReadPath(MapReader map, string workflowFolder, string key, bool required)
    {
        var path = map.String(key);
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(workflowFolder, path));
        if (!File.Exists(full))
        {
            var message = $"source.{key} '{path}' does not exist (paths are relative to the workflow file)";
            if (required)
            {
                map.Diagnostics.Error(DiagnosticCodes.MissingFile, map.LocationOf(key), message, "put the file there, or fix the path; see docs/connecting-to-rds.md");
            }
            else
            {
                map.Diagnostics.Warning(DiagnosticCodes.MissingFile, map.LocationOf(key), message, "the run fails unless the file is there at run time");
            }
        }

        return full;
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

        if (source.IamAuth && source.Tls is not (TlsMode.VerifyCa or TlsMode.VerifyFull))
        {
            map.Diagnostics.Error(
                DiagnosticCodes.Conflict,
                map.LocationOf("iam_auth"),
                "source.iam_auth sends an authentication token in clear text inside TLS, so the server must be verified first",
                "set tls: verify-full (or verify-ca) and ca_bundle: the RDS CA bundle; see docs/connecting-to-rds.md");
        }


        if (source.IamAuth)
        {
            map.WarnIgnored("password", "iam_auth uses a token instead of a password");
        }
    }

    /// <summary>
    /// Below verify-ca, whoever can redirect the traffic can pose as the server. Loopback is the one place that is
    /// harmless (a local server or an SSH tunnel's end). A host from a secret or the environment is checked when the
    /// connection is made, where it is known.
    /// </summary>
    private static void WarnWeakTls(MapReader map, SourceSettings source)
    {
        if (source.Host is not LiteralValue { Value: var host } || WeakTls.Describe(source.Tls, host) is not { } problem)
        {
            return;
        }

        map.Diagnostics.Warning(DiagnosticCodes.WeakTls, map.Has("tls") ? map.LocationOf("tls") : map.Location, problem, WeakTls.Hint);
    }
}
