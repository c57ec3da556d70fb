using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BatchSync.Core.Workflows.Naming;

/// <summary>
/// What BigQuery accepts as dataset, table and column names. Names that fail here must be mapped explicitly by the
/// user; BatchSync never renames silently.
/// </summary>
public static partial class BigQueryNames
{
    private static readonly string[] ReservedColumnPrefixes = ["_TABLE_", "_FILE_", "_PARTITION", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER"];

    /// <summary>Null when valid; otherwise why not. Datasets: letters, digits, underscores; at most 1,024 characters.</summary>
    public static string? CheckDataset(string name) =>
        name.Length is 0 or > 1024 || !DatasetPattern().IsMatch(name)
            ? $"'{name}' is not a valid BigQuery dataset name; use letters, digits and underscores (at most 1,024)"
            : null;

    /// <summary>
    /// Tables: Unicode letters, marks, numbers, connectors (_), dashes and spaces, at most 1,024 UTF-8 bytes; an optional
    /// partition decorator <c>$YYYYMMDD</c> (or YYYY, YYYYMM, YYYYMMDDHH).
    /// </summary>
    public static string? CheckTable(string name)
    {
        var dollar = name.IndexOf('$', StringComparison.Ordinal);
        var baseName = dollar < 0 ? name : name[..dollar];
        if (dollar >= 0 && !PartitionDecorator().IsMatch(name[(dollar + 1)..]))
        {
            return $"'{name}' has a partition decorator BigQuery does not take; after '$' write YYYY, YYYYMM, YYYYMMDD or YYYYMMDDHH";
        }

        if (baseName.Length == 0 || Encoding.UTF8.GetByteCount(baseName) > 1024 || !baseName.All(IsTableCharacter))
        {
            return $"'{name}' is not a valid BigQuery table name; use letters, digits, '_', '-' and spaces (at most 1,024 bytes)";
        }

        return null;
    }

    /// <summary>Columns: start with a letter or underscore, then letters, digits, underscores; at most 300 characters; no reserved prefix.</summary>
    public static string? CheckColumn(string name)
    {
        if (name.Length is 0 or > 300 || !ColumnPattern().IsMatch(name))
        {
            return $"'{name}' is not a valid BigQuery column name; start with a letter or '_', then letters, digits and '_' (at most 300)";
        }

        var reserved = ReservedColumnPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return reserved is null ? null : $"'{name}' starts with '{reserved}', which BigQuery reserves";
    }

    private static bool IsTableCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.SpaceSeparator => true,
        _ => false,
    };

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DatasetPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnPattern();

    [GeneratedRegex("^([0-9]{4}|[0-9]{6}|[0-9]{8}|[0-9]{10}|__NULL__|__UNPARTITIONED__)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionDecorator();
}
