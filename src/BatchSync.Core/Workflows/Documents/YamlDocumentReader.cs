using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BatchSync.Core.Workflows.Documents;

/// <summary>
/// Reads one YAML document into a <see cref="ConfigNode"/> tree from YamlDotNet's event parser. The event level (rather
/// than YamlStream) is used because YamlStream stops at the first duplicate key; here a duplicate is one diagnostic
/// among all the others and the first occurrence wins.
/// </summary>
public static partial class YamlDocumentReader
{
    /// <summary>The document's root, or null when the text holds no document or is not valid YAML (reported).</summary>
    public static ConfigNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parser = new Parser(new StringReader(text));
        var builder = new Builder(parser, file, diagnostics);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = builder.ReadNode();
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Error(
                    DiagnosticCodes.MultipleDocuments,
                    At(file, second.Start),
                    "the file holds more than one YAML document",
                    "keep one workflow per file and remove the second '---'");
            }

            return root;
        }
        catch (YamlException) when (FindUnclosedFlow(text, file) is { } open)
        {
            // A bracket left open makes the scanner fail at the end of the file; the user must look where it opened.
            ReportUnclosedFlow(diagnostics, open);
            return null;
        }
        catch (YamlException exception)
        {
            var location = FirstTabIndentation(text, file) is { } tab && exception.Message.Contains("tab", StringComparison.Ordinal)
                ? tab
                : At(file, exception.Start);
            diagnostics.Error(DiagnosticCodes.SyntaxError, location, $"YAML syntax error: {WithoutPosition(exception.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser fails this way (not with a YamlException) on a flow collection left open.
            ReportUnclosedFlow(diagnostics, builder.InnermostOpenFlow is { } open ? At(file, open) : FindUnclosedFlow(text, file) ?? new SourceLocation(file, 1, 1));
            return null;
        }
    }

    // When the scanner fails before the builder saw the collection start, find the bracket in the text: outside quotes
    // and comments, the first '[' or '{' that is never closed.
    private static void ReportUnclosedFlow(DiagnosticBag diagnostics, SourceLocation location)
        => diagnostics.Error(
            DiagnosticCodes.SyntaxError,
            location,
            "YAML syntax error: a '[' or '{' opened here is not closed",
            "close it on the same logical value, or write the list/map as indented lines");

    private static SourceLocation? FindUnclosedFlow(string text, string file)
    {
        var open = new Stack<SourceLocation>();
        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            char? quote = null;
            for (var column = 0; column < lines[line].Length; column++)
            {
                var c = lines[line][column];
                if (quote is not null)
                {
                    quote = c == quote ? null : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '#' && (column == 0 || char.IsWhiteSpace(lines[line][column - 1])))
                {
                    break;
                }
                else if (c is '[' or '{')
                {
                    open.Push(new SourceLocation(file, line + 1, column + 1));
                }
                else if (c is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }

        return open.Count > 0 ? open.Last() : null;
    }

    // YamlDotNet locates "tab as indentation" at the enclosing mapping; the user needs the line with the tab.
    private static SourceLocation? FirstTabIndentation(string text, string file)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation)
            {
                return new SourceLocation(file, i + 1, tab + 1);
            }
        }

        return null;
    }

    internal static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 1) - (Line: …): "; the diagnostic carries the position already.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    private sealed class Builder(IParser parser, string file, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Mark> _openFlows = new();

        /// <summary>Where the innermost '[' or '{' still being read starts.</summary>
        public Mark? InnermostOpenFlow => _openFlows.Count > 0 ? _openFlows.Peek() : null;

        public ConfigNode ReadNode()
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    return anchored;
                }

                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            }

            ConfigNode node = parser.Current switch
            {
                Scalar => ReadScalar(parser.Consume<Scalar>()),
                SequenceStart => ReadSequence(),
                MappingStart => ReadMap(),

                var other => throw new YamlException(other!.Start, other.End, "unexpected YAML content"),
            };
            return node;
        }

        private ConfigScalar ReadScalar(Scalar scalar)
        {
            var kind = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty
                ? PlainScalarResolver.Resolve(scalar.Value)
                : ScalarKind.String;
            var node = new ConfigScalar(At(file, scalar.Start), scalar.Value, kind);
            Remember(scalar.Anchor, node);
            return node;
        }

        private ConfigSequence ReadSequence()
        {
            var start = parser.Consume<SequenceStart>();
            var items = new List<ConfigNode>();
            EnterFlow(start.Style == SequenceStyle.Flow, start.Start);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode());
            }

            LeaveFlow(start.Style == SequenceStyle.Flow);

            var node = new ConfigSequence(At(file, start.Start), items);
            Remember(start.Anchor, node);
            return node;
        }

        private ConfigMap ReadMap()
        {
            var start = parser.Consume<MappingStart>();
            var entries = new List<ConfigEntry>();
            var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
            EnterFlow(start.Style == MappingStyle.Flow, start.Start);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode();
                var value = ReadNode();
                if (keyNode is not ConfigScalar key)
                {
                    diagnostics.Error(DiagnosticCodes.WrongType, keyNode.Location, $"a key must be a plain word, found {keyNode.Describe()}");
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Error(
                        DiagnosticCodes.DuplicateKey,
                        key.Location,
                        $"duplicate key '{key.Value}'",
                        $"it was already set at line {first.Location.Line}; YAML keeps only one, so remove one of them");
                    continue;
                }

                seen.Add(key.Value, key);
                entries.Add(new ConfigEntry(key, value));
            }

            LeaveFlow(start.Style == MappingStyle.Flow);
            var node = new ConfigMap(At(file, start.Start), entries);
            Remember(start.Anchor, node);
            return node;
        }

        private void EnterFlow(bool isFlow, Mark start)
        {
            if (isFlow)
            {
                _openFlows.Push(start);
            }
        }

        private void LeaveFlow(bool isFlow)
        {
            if (isFlow)
            {
                _openFlows.Pop();
            }
        }

        private void Remember(AnchorName anchor, ConfigNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
        }
    }
}
