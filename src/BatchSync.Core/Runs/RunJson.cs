using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatchSync.Core.Runs;

/// <summary>
/// The one JSON dialect of the documents a run keeps in staging (manifest, statuses, report, state):
/// snake_case names and enum values, indented so a person can read them, nulls left out.
/// </summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="FormatException">The text is not a valid document of this type.</exception>
    public static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"The {what} is empty (JSON null).");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The {what} is not valid: {exception.Message}", exception);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            // Documents are files for people and tools, never embedded in HTML: keep quotes and '+' readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new BigQueryTableSchemaJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
