using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Workflows.Documents;

/// <summary>
/// A node of a parsed YAML or JSON document that remembers where it was written, so every diagnostic points at a line
/// and column. Both file kinds produce the same tree, which lets includes in either format share one reader.
/// </summary>
public abstract record ConfigNode(SourceLocation Location)
{
    /// <summary>How the node reads in a message: "a map", "a list", "a string", "a number" …</summary>
    public abstract string Describe();
}

public sealed record ConfigMap(SourceLocation Location, IReadOnlyList<ConfigEntry> Entries) : ConfigNode(Location)
{
    public ConfigEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public override string Describe() => "a map";
}

public sealed record ConfigEntry(ConfigScalar Key, ConfigNode Value);

public sealed record ConfigSequence(SourceLocation Location, IReadOnlyList<ConfigNode> Items) : ConfigNode(Location)
{
    public override string Describe() => "a list";
}

public sealed record ConfigScalar(SourceLocation Location, string Value, ScalarKind Kind) : ConfigNode(Location)
{
    public bool IsNull => Kind == ScalarKind.Null;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => $"the boolean {Value}",
        ScalarKind.Integer or ScalarKind.Float => $"the number {Value}",
        _ => "a string",
    };
}

/// <summary>What a scalar is by the YAML 1.2 core schema (or by its JSON token).</summary>
public enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
