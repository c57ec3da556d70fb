namespace BatchSync.Core.Workflows.Model;

/// <summary>What a zero or partial-zero date (0000-00-00, 2020-00-10) becomes.</summary>
public enum ZeroDatePolicy
{
    Null,
    Fail,
}
