using System.Globalization;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>
/// Reads the keys of one map of a workflow file, reporting every unknown key (with "did you mean"), wrong type and bad
/// value as a diagnostic located at the offending node. Readers return null for a missing or broken value, so one
/// mistake never hides the next.
/// </summary>
internal sealed class MapReader
{
    private readonly ConfigMap _map;
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    public MapReader(ConfigMap map, string where, DiagnosticBag diagnostics, IReadOnlyCollection<string> allowedKeys, UnknownKeyPolicy? unknownKeys = null)
    {
        _map = map;
        Where = where;
        Diagnostics = diagnostics;
        foreach (var entry in map.Entries.Where(e => !allowedKeys.Contains(e.Key.Value)))
        {
            if (unknownKeys?.Invoke(entry.Key) == true)
            {
                continue;
            }

            var suggestion = Suggestions.Closest(entry.Key.Value, allowedKeys);
            if (suggestion is not null)
            {
                _suggested.Add(suggestion);
            }

            diagnostics.Error(
                DiagnosticCodes.UnknownKey,
                entry.Key.Location,
                $"unknown key '{entry.Key.Value}' {InWhere(where)}",
                suggestion is null ? $"the keys here are: {string.Join(", ", allowedKeys)}" : $"did you mean '{suggestion}'?");
        }
    }

    /// <summary>Handles a key outside the allowed set; returns true when it reported (or deliberately tolerated) it.</summary>
    public delegate bool UnknownKeyPolicy(ConfigScalar key);

    /// <summary>How messages name this map: "source", "tables[2]", "the workflow".</summary>
    public string Where { get; }

    public DiagnosticBag Diagnostics { get; }

    public SourceLocation Location => _map.Location;

    public static string InWhere(string where) => where == WorkflowReader.TopLevel ? "at the top level" : $"in {where}";

    public string PathOf(string key) => Where == WorkflowReader.TopLevel ? key : $"{Where}.{key}";

    public bool Has(string key) => Node(key) is not null;

    /// <summary>The value node, or null when the key is absent or explicitly null.</summary>
    public ConfigNode? Node(string key) => _map.Find(key)?.Value is { } value && value is not ConfigScalar { IsNull: true } ? value : null;

    /// <summary>Where the key's value is (or the key, or the map when absent), for diagnostics about it.</summary>
    public SourceLocation LocationOf(string key) => _map.Find(key) is { } entry ? entry.Value.Location : _map.Location;

    /// <summary>Reports a missing key, unless a misspelling of it was already reported (one mistake, one message).</summary>
    public void ReportMissing(string key, string? hint = null)
    {
        if (!_suggested.Contains(key))
        {
            Diagnostics.Error(DiagnosticCodes.MissingKey, Location, $"missing required key '{key}' {InWhere(Where)}", hint);
        }
    }

    public string? String(string key) => Node(key) is { } node ? AsString(node, PathOf(key)) : null;

    /// <summary>The scalar under <paramref name="key"/> when it reads as a string (reported otherwise), with its position.</summary>
    public ConfigScalar? Scalar(string key) =>
        Node(key) is { } node && AsString(node, PathOf(key)) is not null ? (ConfigScalar)node : null;

    public string? RequiredString(string key, string? hint = null)
    {
        if (!Has(key))
        {
            ReportMissing(key, hint);
            return null;
        }

        return String(key);
    }

    public long? Integer(string key, long min, long max = long.MaxValue)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        return AsInteger(node, PathOf(key), min, max);
    }

    public long? AsInteger(ConfigNode node, string path, long min, long max)
    {
        if (node is not ConfigScalar { Kind: ScalarKind.Integer } scalar
            || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            WrongType(node, path, "a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == long.MaxValue ? $"at least {min}" : $"from {min} to {max}";
            Diagnostics.Error(DiagnosticCodes.BadValue, node.Location, $"{path} must be {range}, found {value}");
            return null;
        }

        return value;
    }

    public bool? Boolean(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is ConfigScalar { Kind: ScalarKind.Boolean } scalar)
        {
            return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        WrongType(node, PathOf(key), "true or false");
        return null;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        // A plain `null` is absent for most keys but is the spelling of a value for some enums (zero_dates: null).
        var node = _map.Find(key)?.Value is ConfigScalar { IsNull: true, Value: "null" } spelledNull && names.ContainsKey("null")
            ? spelledNull
            : Node(key);
        return node is null ? null : AsEnum(node, PathOf(key), names);
    }

    public T? AsEnum<T>(ConfigNode node, string path, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        // "null" is a valid spelling of some enums (zero_dates: null), so a null scalar is read by its text.
        var text = node is ConfigScalar { IsNull: true, Value: "null" } ? "null" : AsString(node, path);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Diagnostics.Error(
            DiagnosticCodes.BadEnum,
            node.Location,
            $"{path} cannot be '{text}'; allowed: {string.Join(", ", names.Keys)}",
            Suggestions.DidYouMean(text, names.Keys));
        return null;
    }

    /// <summary>A list of strings; a single string is read as a one-item list.</summary>
    public IReadOnlyList<ConfigScalar>? StringList(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case ConfigSequence sequence:
                var items = new List<ConfigScalar>();
                foreach (var item in sequence.Items)
                {
                    if (AsString(item, PathOf(key) + " item") is not null)
                    {
                        items.Add((ConfigScalar)item);
                    }
                }

                return items;
            case var node when AsString(node, PathOf(key)) is not null:
                return [(ConfigScalar)node];
            default:
                return null;
        }
    }

    public ConfigMap? Map(string key)
    {
        var node = Node(key);
        if (node is null or ConfigMap)
        {
            return node as ConfigMap;
        }

        WrongType(node, PathOf(key), "a map (key: value lines)");
        return null;
    }

    public ConfigSequence? Sequence(string key)
    {
        var node = Node(key);
        if (node is null or ConfigSequence)
        {
            return node as ConfigSequence;
        }

        WrongType(node, PathOf(key), "a list");
        return null;
    }

    /// <summary>A literal, <c>env:NAME</c> or <c>secret:ID[#key]</c>; literals of secret keys are rejected by the caller.</summary>
    public ValueReference? Reference(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is ConfigScalar { Kind: ScalarKind.Integer } number)
        {
            return new LiteralValue(number.Value);
        }

        var text = AsString(node, PathOf(key));
        if (text is null)
        {
            return null;
        }

        var reference = ValueReference.Parse(text, out var error);
        if (reference is null)
        {
            Diagnostics.Error(DiagnosticCodes.BadReference, node.Location, $"{PathOf(key)}: {error}");
        }

        return reference;
    }

    /// <summary>A secret-bearing key: only references are accepted, never the secret itself.</summary>
    public ValueReference? SecretReference(string key, string example)
    {
        var reference = Reference(key);
        if (reference is LiteralValue)
        {
            // The value is deliberately not repeated: it is probably a real secret.
            Diagnostics.Error(
                DiagnosticCodes.InlineSecret,
                LocationOf(key),
                $"{PathOf(key)} is written inline; secrets must not live in workflow files",
                $"use a reference such as {example} or env:NAME (and rotate the secret if this file was committed)");
            return null;
        }

        return reference;
    }

    public string? AsString(ConfigNode node, string path)
    {
        if (node is ConfigScalar { Kind: ScalarKind.String or ScalarKind.Integer or ScalarKind.Float } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, path, "a string");
        return null;
    }

    public void WrongType(ConfigNode node, string path, string expected)
    {
        var hint = node is ConfigScalar { Kind: ScalarKind.String } s && expected == "true or false"
            && s.Value is "yes" or "no" or "on" or "off" or "y" or "n"
            ? "YAML 1.2 reads yes/no/on/off as strings; write true or false"
            : null;
        Diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"{path} must be {expected}, found {node.Describe()}", hint);
    }

    public void WarnIgnored(string key, string reason)
    {
        if (_map.Find(key) is { } entry)
        {
            Diagnostics.Warning(DiagnosticCodes.IgnoredKey, entry.Key.Location, $"{PathOf(key)} is ignored: {reason}");
        }
    }

    public SourceLocation KeyLocationOf(string key) => _map.Find(key)?.Key.Location ?? _map.Location;
}
