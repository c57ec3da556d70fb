using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BatchSync.Core.Schema;

namespace BatchSync.Core.Runs;

/// <summary>Writes a schema in a run's documents exactly as BigQuery's API spells it, so it can be pasted into <c>bq</c>.</summary>
internal sealed class BigQueryTableSchemaJsonConverter : JsonConverter<BigQueryTableSchema>
{
    public override BigQueryTableSchema Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) ?? throw new JsonException("A schema cannot be null.");
        try
        {
            return BigQueryTableSchema.Parse(node);
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, BigQueryTableSchema value, JsonSerializerOptions options)
        => value.ToJsonArray().WriteTo(writer, options);
}
