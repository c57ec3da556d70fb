using System.Text.Json;

namespace BatchSync.Core.Workflows.References;

/// <summary>
/// <c>--secrets FILE</c>: a JSON object <c>{ "&lt;secret id&gt;": string or JSON object }</c> standing in for Secrets
/// Manager on a laptop. An object value is returned as its JSON text, like a structured secret's SecretString.
/// </summary>
public sealed class LocalSecretsFile : ISecretSource
{
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string> _secrets;

    private LocalSecretsFile(string path, IReadOnlyDictionary<string, string> secrets)
    {
        _path = path;
        _secrets = secrets;
    }

    public static async Task<LocalSecretsFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw new ReferenceResolutionException($"secrets file '{path}' does not exist");
        }
        catch (JsonException exception)
        {
            // Position only: the parser's message could quote secret text.
            throw new ReferenceResolutionException(
                $"secrets file '{path}' is not valid JSON (line {exception.LineNumber + 1}); it must be an object {{\"<secret id>\": \"value\" or {{...}}}}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ReferenceResolutionException($"secrets file '{path}' must hold a JSON object keyed by secret id");
            }

            var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                secrets[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }

            return new LocalSecretsFile(path, secrets);
        }
    }

    public ValueTask<string> GetSecretStringAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _secrets.TryGetValue(id, out var value)
            ? ValueTask.FromResult(value)
            : throw new SecretNotFoundException($"secret '{id}' is not in the secrets file '{_path}'");
    }
}
