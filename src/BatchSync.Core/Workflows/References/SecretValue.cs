using System.Diagnostics;

namespace BatchSync.Core.Workflows.References;

/// <summary>
/// A resolved value that may be secret. It prints as <c>***</c> everywhere (ToString, debugger, string interpolation,
/// structured logging) so it cannot leak by accident; call <see cref="Reveal"/> at the one place that needs the text.
/// </summary>
[DebuggerDisplay("***")]
public sealed class SecretValue
{
    public const string Redacted = "***";

    private readonly string _value;

    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public bool IsEmpty => _value.Length == 0;

    /// <summary>The plain text. Pass it straight to the consumer (auth, HTTP header); never format or log it.</summary>
    public string Reveal() => _value;

    public override string ToString() => Redacted;
}
