namespace BatchSync.Commands.Import;

/// <summary>What a digdag/liquid template in the old job's files became.</summary>
internal abstract record TemplateValue
{
    /// <summary>A plain value, possibly holding BatchSync placeholders such as <c>{run_date}</c> or <c>{table}</c>.</summary>
    public sealed record Text(string Value) : TemplateValue;

    /// <summary>The whole value came from an environment variable: <c>env:NAME</c> in a workflow.</summary>
    public sealed record Environment(string Name) : TemplateValue;

    /// <summary>Something BatchSync cannot express; the reason says what it was.</summary>
    public sealed record Untranslatable(string Reason) : TemplateValue;
}
