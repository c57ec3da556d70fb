using System.Text.RegularExpressions;

namespace BatchSync.Core.Workflows.References;

/// <summary>
/// A configuration value that is written inline (<see cref="LiteralValue"/>), read from an environment variable
/// (<c>env:NAME</c>, <see cref="EnvReference"/>) or from a secret store (<c>secret:ID[#json-key]</c>,
/// <see cref="SecretReference"/>). Parsing never looks the value up; <see cref="ReferenceResolver"/> does.
/// </summary>
public abstract partial record ValueReference
{
    public const string SecretPrefix = "secret:";
    public const string EnvPrefix = "env:";

    public bool IsLiteral => this is LiteralValue;

    /// <summary>Parses <paramref name="text"/>; returns null and a message when a reference is malformed.</summary>
    public static ValueReference? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (text.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return ParseSecret(text[SecretPrefix.Length..], out error);
        }

        if (text.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var name = text[EnvPrefix.Length..];
            if (EnvironmentName().IsMatch(name))
            {
                return new EnvReference(name);
            }

            error = $"'{text}' is not a valid environment reference; write env:NAME with letters, digits and '_' (not starting with a digit)";
            return null;
        }

        return new LiteralValue(text);
    }

    private static SecretReference? ParseSecret(string body, out string? error)
    {
        var hash = body.IndexOf('#', StringComparison.Ordinal);
        var id = hash < 0 ? body : body[..hash];
        var key = hash < 0 ? null : body[(hash + 1)..];
        if (!SecretId().IsMatch(id))
        {
            error = id.Length == 0
                ? "the secret reference has no id; write secret:<id>[#json-key], e.g. secret:prod/shop/mysql#password"
                : $"'{id}' is not a valid secret id; ids are 1-2048 characters of letters, digits and /_+=.@- (or an ARN)";
            return null;
        }

        if (key is not null && key.Length == 0)
        {
            error = "the json key after '#' is empty; write secret:<id>#<key> or drop the '#'";
            return null;
        }

        error = null;
        return new SecretReference(id, key);
    }

    // Secrets Manager names allow letters, digits and /_+=.@-; ARNs add ':'.
    [GeneratedRegex("^[A-Za-z0-9/_+=.@:-]{1,2048}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretId();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();
}

/// <summary>A value written in the file itself.</summary>
public sealed record LiteralValue(string Value) : ValueReference
{
    public override string ToString() => Value;
}

/// <summary><c>secret:ID[#key]</c>: a secret string, or one key of a secret holding a JSON object.</summary>
public sealed record SecretReference(string SecretId, string? JsonKey) : ValueReference
{
    public override string ToString() => JsonKey is null ? $"{SecretPrefix}{SecretId}" : $"{SecretPrefix}{SecretId}#{JsonKey}";
}

/// <summary><c>env:NAME</c>: the value of an environment variable of the running process.</summary>
public sealed record EnvReference(string Name) : ValueReference
{
    public override string ToString() => $"{EnvPrefix}{Name}";
}
