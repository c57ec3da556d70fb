using System.Text.RegularExpressions;

namespace BatchSync.Core.Workflows.Documents;

/// <summary>
/// Types an unquoted YAML scalar by the YAML 1.2 core schema. YAML 1.1 spellings such as <c>yes</c>/<c>on</c> stay
/// strings on purpose: a boolean key then reports "expected true or false" instead of silently flipping.
/// </summary>
internal static partial class PlainScalarResolver
{
    public static ScalarKind Resolve(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerPattern().IsMatch(value) => ScalarKind.Integer,
        _ when FloatPattern().IsMatch(value) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
