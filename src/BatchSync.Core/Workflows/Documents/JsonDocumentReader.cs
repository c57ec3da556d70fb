using System.Text;
using System.Text.Json;
using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Workflows.Documents;

/// <summary>
/// Reads a JSON document into a <see cref="ConfigNode"/> tree with line/column positions (System.Text.Json's DOM has
/// none, so positions come from the reader's byte offsets). Comments and trailing commas are tolerated because
/// hand-kept table lists often carry them.
/// </summary>
public static class JsonDocumentReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ConfigNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = new LinePositions(bytes, file);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var root = new Builder(positions, diagnostics).ReadValue(ref reader);
            reader.Read(); // throws on anything after the root value
            return root;
        }
        catch (JsonException exception)
        {
            var location = new SourceLocation(file, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            diagnostics.Error(DiagnosticCodes.SyntaxError, location, $"JSON syntax error: {FirstSentence(exception.Message)}");
            return null;
        }
    }

    // System.Text.Json appends "LineNumber: … | BytePositionInLine: …."; the diagnostic carries the position already.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class Builder(LinePositions positions, DiagnosticBag diagnostics)
    {
        public ConfigNode ReadValue(ref Utf8JsonReader reader)
        {
            var location = positions.At(reader.TokenStartIndex);
            return reader.TokenType switch
            {
                JsonTokenType.StartObject => ReadObject(ref reader, location),
                JsonTokenType.StartArray => ReadArray(ref reader, location),
                JsonTokenType.String => new ConfigScalar(location, reader.GetString()!, ScalarKind.String),
                JsonTokenType.Number => new ConfigScalar(location, Encoding.UTF8.GetString(reader.ValueSpan), NumberKind(ref reader)),
                JsonTokenType.True => new ConfigScalar(location, "true", ScalarKind.Boolean),
                JsonTokenType.False => new ConfigScalar(location, "false", ScalarKind.Boolean),
                _ => new ConfigScalar(location, string.Empty, ScalarKind.Null),
            };
        }

        private static ScalarKind NumberKind(ref Utf8JsonReader reader) =>
            reader.TryGetInt64(out _) ? ScalarKind.Integer : ScalarKind.Float;

        private ConfigMap ReadObject(ref Utf8JsonReader reader, SourceLocation location)
        {
            var entries = new List<ConfigEntry>();
            var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = new ConfigScalar(positions.At(reader.TokenStartIndex), reader.GetString()!, ScalarKind.String);
                reader.Read();
                var value = ReadValue(ref reader);
                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Error(
                        DiagnosticCodes.DuplicateKey,
                        key.Location,
                        $"duplicate key '{key.Value}'",
                        $"it was already set at line {first.Location.Line}; remove one of them");
                    continue;
                }

                seen.Add(key.Value, key);
                entries.Add(new ConfigEntry(key, value));
            }

            return new ConfigMap(location, entries);
        }

        private ConfigSequence ReadArray(ref Utf8JsonReader reader, SourceLocation location)
        {
            var items = new List<ConfigNode>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(ReadValue(ref reader));
            }

            return new ConfigSequence(location, items);
        }
    }

    /// <summary>Maps byte offsets to 1-based line and character column.</summary>
    private sealed class LinePositions
    {
        private readonly byte[] _bytes;
        private readonly string _file;
        private readonly List<int> _lineStarts = [0];

        public LinePositions(byte[] bytes, string file)
        {
            _bytes = bytes;
            _file = file;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourceLocation At(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = _lineStarts[line];
            var column = Encoding.UTF8.GetCharCount(_bytes, start, (int)offset - start) + 1;
            return new SourceLocation(_file, line + 1, column);
        }
    }
}
