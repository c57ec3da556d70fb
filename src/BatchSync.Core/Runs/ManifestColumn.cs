namespace BatchSync.Core.Runs;

/// <summary>
/// One column as planning discovered it, for the lanes (which never discover again): its output name, how the
/// extractor writes its values (an encoding name of the source adapter), and its expression in the generated SELECT.
/// </summary>
public sealed record ManifestColumn(string Name, string Encoding, string Expression);
