namespace BatchSync.BigQuery.Http;

/// <summary>One entry of BigQuery's error list (<c>ErrorProto</c>): a reason code, where it happened and what.</summary>
public sealed record BigQueryError(string? Reason, string? Location, string? Message)
{
    public override string ToString() =>
        string.Join(" ", new[] { Reason is null ? null : $"[{Reason}]", Location is null ? null : $"at {Location}:", Message }.Where(part => part is not null));
}
