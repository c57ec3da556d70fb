using System.Text.Json;

namespace BatchSync.Core.Workflows.References;

/// <summary>Reads fields of a secret that holds a JSON object, without ever quoting its content in errors.</summary>
internal static class JsonSecret
{
    public static string ReadKey(string secretText, SecretReference reference)
    {
        using var document = Parse(secretText, reference);
        if (!document.RootElement.TryGetProperty(reference.JsonKey!, out var value))
        {
            var keys = string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
            throw new ReferenceResolutionException($"secret '{reference.SecretId}' has no key '{reference.JsonKey}' (it has: {keys})");
        }

        return TextOf(value);
    }

    public static JsonDocument Parse(string secretText, ValueReference reference)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(secretText);
        }
        catch (JsonException)
        {
            // Deliberately without the inner exception: its message quotes the offending characters.
            throw new ReferenceResolutionException($"{reference} is not a JSON object, so its fields cannot be read");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ReferenceResolutionException($"{reference} is not a JSON object, so its fields cannot be read");
        }

        return document;
    }

    public static string TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
