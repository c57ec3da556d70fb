using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>staging:</c>; absent means the local default folder.</summary>
internal static partial class StagingSectionReader
{
    private const string Where = "staging";

    public static StagingSettings Read(MapReader top)
    {
        if (top.Map(Where) is not { } node)
        {
            return new StagingSettings();
        }

        var map = new MapReader(node, Where, top.Diagnostics, WorkflowKeys.Staging);
        var location = ReadLocation(map);
        if (location is { IsS3: false })
        {
            map.WarnIgnored("kms_key_id", "it applies to S3 staging only");
        }

        return new StagingSettings
        {
            Location = location ?? StagingLocation.Local(StagingSettings.DefaultLocalFolder),
            KmsKeyId = map.String("kms_key_id"),
            PartSizeMb = ReadPartSize(map) ?? StagingSettings.DefaultPartSizeMb,
        };
    }

    // BigQuery loads a gzip-compressed CSV file of at most 4 GB. A part rotates only after the chunk that crosses
    // part_size_mb (about 1 MiB of CSV plus at most one row), so the cap leaves room for that overshoot.
    private static int? ReadPartSize(MapReader map)
    {
        if (map.Integer("part_size_mb", 1) is not { } value)
        {
            return null;
        }

        if (value > StagingSettings.MaxPartSizeMb)
        {
            map.Diagnostics.Error(
                DiagnosticCodes.BadValue,
                map.Node("part_size_mb")!.Location,
                $"staging.part_size_mb must be at most {StagingSettings.MaxPartSizeMb}, found {value}",
                $"BigQuery loads gzip CSV files of at most 4 GB, and a part can grow past part_size_mb by its last chunk; {StagingSettings.MaxPartSizeMb} keeps every part loadable");
            return null;
        }

        return (int)value;
    }

    private static StagingLocation? ReadLocation(MapReader map)
    {
        var uri = map.Scalar("uri");
        if (uri is null)
        {
            return null;
        }

        var text = uri.Value;
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return StagingLocation.Local(text);
        }

        if (!text.StartsWith("s3://", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(DiagnosticCodes.BadValue, uri.Location, $"staging.uri '{text}' is neither s3://bucket/prefix nor a local folder");
            return null;
        }

        var rest = text["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(
                DiagnosticCodes.BadValue,
                uri.Location,
                $"staging.uri: '{bucket}' is not a valid S3 bucket name",
                "bucket names are 3-63 characters of lowercase letters, digits, '.' and '-', starting and ending with a letter or digit");
            return null;
        }

        return StagingLocation.S3(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
