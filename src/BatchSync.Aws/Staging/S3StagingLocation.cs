namespace BatchSync.Aws.Staging;

/// <summary>A bucket and key prefix, parsed from <c>s3://bucket/prefix/</c>. The prefix is empty or ends with '/'.</summary>
public sealed record S3StagingLocation(string Bucket, string Prefix)
{
    public static bool IsS3Uri(string value) => value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="FormatException">Not an s3:// URI with a valid bucket name.</exception>
    public static S3StagingLocation Parse(string uri)
    {
        if (!IsS3Uri(uri))
        {
            throw new FormatException($"'{uri}' is not an S3 URI; write it as s3://bucket/prefix/.");
        }

        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            throw new FormatException($"'{bucket}' in '{uri}' is not a valid S3 bucket name (3-63 lowercase letters, digits, '-' or '.').");
        }

        return new S3StagingLocation(bucket, prefix.Length == 0 ? string.Empty : prefix + "/");
    }

    public string KeyOf(string name) => Prefix + name.TrimStart('/');

    public string UriOf(string name) => $"s3://{Bucket}/{KeyOf(name)}";

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
