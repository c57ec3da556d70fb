using System.Globalization;

namespace BatchSync.MySql.Schema;

/// <summary>
/// Checks that a column name is one BigQuery accepts (flexible column names): at most 300 characters of letters,
/// marks, digits, connectors, spaces and <c>-&amp;%=+:'&lt;&gt;#|</c>, not starting with a reserved prefix. Names are
/// never renamed silently: a name that fails must be aliased in the select.
/// </summary>
public static class BigQueryColumnName
{
    private const int MaxLength = 300;
    private const string AllowedSymbols = "-&%=+:'<>#| ";
    private static readonly string[] ReservedPrefixes = ["_TABLE_", "_FILE_", "_PARTITION", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER"];

    /// <summary>Returns null when the name is valid, else the reason it is not.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "an empty name";
        }

        if (name.Length > MaxLength)
        {
            return $"longer than {MaxLength} characters";
        }

        var reserved = ReservedPrefixes.FirstOrDefault(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        if (reserved is not null)
        {
            return $"starts with the reserved prefix {reserved}";
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                return $"contains '{rune}', which BigQuery does not allow in a column name";
            }
        }

        return null;
    }

    private static bool IsAllowed(System.Text.Rune rune)
    {
        if (rune.IsAscii && AllowedSymbols.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return true;
        }

        return System.Text.Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }
}
