using System.Text;

namespace BatchSync.MySql.Tests.Csv;

/// <summary>
/// A small RFC 4180 reader written from the RFC, independent of the writer under test. It keeps what BigQuery's
/// loader distinguishes: an unquoted empty field is NULL (null here), a quoted one is an empty string.
/// Records end at an unquoted LF (CRLF is also accepted).
/// </summary>
internal static class Rfc4180Reader
{
    public static List<string?[]> Read(byte[] utf8) => Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8));

    public static List<string?[]> Read(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                quoted = true;
                atFieldStart = false;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"Characters after a closing quote at {i}.");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(Finish(field, quoted));
                    quoted = false;
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\n':
                    fields.Add(Finish(field, quoted));
                    records.Add([.. fields]);
                    fields.Clear();
                    quoted = false;
                    atFieldStart = true;
                    i++;
                    break;
                case '"':
                    throw new FormatException($"A quote inside an unquoted field at {i}.");
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }

        if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            throw new FormatException("The last record has no line end.");
        }

        return records;
    }

    private static string? Finish(StringBuilder field, bool quoted)
    {
        var value = field.ToString();
        field.Clear();
        return value.Length == 0 && !quoted ? null : value;
    }
}
