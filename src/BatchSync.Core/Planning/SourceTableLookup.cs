namespace BatchSync.Core.Planning;

/// <summary>What the catalog found for one workflow table: its description, or why it cannot be exported as asked.</summary>
public sealed record SourceTableLookup(SourceTableDescription? Description, string? Problem)
{
    public static SourceTableLookup Found(SourceTableDescription description) => new(description, null);

    public static SourceTableLookup Failed(string problem) => new(null, problem);
}
