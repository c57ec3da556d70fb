namespace BatchSync.Core.Stage;

/// <summary>One finished gzip part.</summary>
/// <param name="Name">Object name in the staging store, for example <c>part-00000.csv.gz</c>.</param>
/// <param name="Uri">Where the part can be read.</param>
/// <param name="Rows">CSV rows in the part.</param>
/// <param name="UncompressedBytes">CSV bytes before compression.</param>
/// <param name="CompressedBytes">Size of the gzip file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the gzip file.</param>
public sealed record PartInfo(string Name, string Uri, long Rows, long UncompressedBytes, long CompressedBytes, string Sha256);
